package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A primary key or unique constraint: a name and its columns in order; {@code NULLS NOT DISTINCT} (unique only),
 * {@code DEFERRABLE} and {@code INITIALLY DEFERRED} (which implies deferrable). Absent options stay out of snapshots.
 */
public record KeyConstraint(String name, List<String> columns,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nullsNotDistinct,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deferrable,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean initiallyDeferred) {
    public KeyConstraint(String name, List<String> columns) {
        this(name, columns, false, false, false);
    }

    public KeyConstraint {
        columns = List.copyOf(columns);
        deferrable = deferrable || initiallyDeferred;
    }

    // written out, not generated: a record's own equals is linked at its first call (method handles, several
    // milliseconds each in a fresh JVM) and runs slowly until compiled, and the differ compares every key and index
    @Override
    public boolean equals(Object o) {
        return o instanceof KeyConstraint k && nullsNotDistinct == k.nullsNotDistinct && deferrable == k.deferrable
                && initiallyDeferred == k.initiallyDeferred && Objects.equals(name, k.name) && columns.equals(k.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns, nullsNotDistinct, deferrable, initiallyDeferred);
    }
}
