package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
}
