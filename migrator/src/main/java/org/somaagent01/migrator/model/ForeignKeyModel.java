package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key; {@code matchFull} for {@code MATCH FULL} (else SIMPLE, PostgreSQL having no PARTIAL),
 * {@code DEFERRABLE} / {@code INITIALLY DEFERRED} (which implies deferrable), and {@code notValid} for a key added
 * {@code NOT VALID} and not validated since. Absent options stay out of snapshots.
 */
public record ForeignKeyModel(String name, List<String> columns, String targetTable, List<String> targetColumns,
                              ForeignKeyAction onDelete, ForeignKeyAction onUpdate,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean matchFull,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deferrable,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean initiallyDeferred,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid) {
    public ForeignKeyModel(String name, List<String> columns, String targetTable, List<String> targetColumns,
                           ForeignKeyAction onDelete, ForeignKeyAction onUpdate) {
        this(name, columns, targetTable, targetColumns, onDelete, onUpdate, false, false, false, false);
    }

    public ForeignKeyModel {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
        deferrable = deferrable || initiallyDeferred;
    }

    // written out, not generated: a record's own equals is linked at its first call (method handles, several
    // milliseconds each in a fresh JVM) and runs slowly until compiled, and the differ compares every foreign key
    @Override
    public boolean equals(Object o) {
        return o instanceof ForeignKeyModel f && matchFull == f.matchFull && deferrable == f.deferrable
                && initiallyDeferred == f.initiallyDeferred && notValid == f.notValid && Objects.equals(name, f.name)
                && columns.equals(f.columns) && Objects.equals(targetTable, f.targetTable)
                && targetColumns.equals(f.targetColumns) && onDelete == f.onDelete && onUpdate == f.onUpdate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns, targetTable, targetColumns, onDelete, onUpdate, matchFull, deferrable,
                initiallyDeferred, notValid);
    }

    public ForeignKeyModel withNotValid(boolean value) {
        return new ForeignKeyModel(name, columns, targetTable, targetColumns, onDelete, onUpdate, matchFull, deferrable,
                initiallyDeferred, value);
    }

    /** The same key pointing at other names (a rename). */
    public ForeignKeyModel with(List<String> newColumns, String newTargetTable, List<String> newTargetColumns) {
        return new ForeignKeyModel(name, newColumns, newTargetTable, newTargetColumns, onDelete, onUpdate, matchFull,
                deferrable, initiallyDeferred, notValid);
    }
}
