package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a table is laid out besides its columns: {@code partitionBy} is a partitioned table's key in
 * {@code pg_get_partkeydef} form ({@code RANGE (created_at)}); {@code partitionOf} and {@code bound} make it a
 * partition of that parent, {@code bound} in {@code pg_get_expr(relpartbound)} form ({@code FOR VALUES FROM (1) TO
 * (10)}, {@code DEFAULT}); {@code inherits} lists the parents of a table declared {@code INHERITS (…)}, in order;
 * {@code unlogged} is an {@code UNLOGGED} table. What a partition or child inherits (columns, cloned constraints,
 * attached indexes, cloned triggers) is its parent's and is not repeated in its own {@link TableModel}.
 */
public record TableLayout(
        @JsonInclude(JsonInclude.Include.NON_NULL) String partitionBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String partitionOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) String bound,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> inherits,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean unlogged) {

    /** An ordinary table. */
    public static final TableLayout PLAIN = new TableLayout(null, null, null, List.of(), false);

    public TableLayout {
        inherits = inherits == null ? List.of() : List.copyOf(inherits);
        if ((partitionOf == null) != (bound == null)) {
            throw new IllegalArgumentException("a partition needs both its parent and its bound: " + partitionOf + " " + bound);
        }
    }

    public static TableLayout partitioned(String key) {
        return new TableLayout(key, null, null, List.of(), false);
    }

    public static TableLayout partitionOf(String parent, String bound) {
        return new TableLayout(null, parent, bound, List.of(), false);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPlain() { return equals(PLAIN); }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPartitioned() { return partitionBy != null; }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPartition() { return partitionOf != null; }

    /** The tables this one is created after and dropped before: its partition parent and inheritance parents. */
    public List<String> parents() {
        if (partitionOf == null) return inherits;
        List<String> out = new java.util.ArrayList<>(inherits);
        out.add(0, partitionOf);
        return out;
    }

    public TableLayout withPartitionBy(String key) { return new TableLayout(key, partitionOf, bound, inherits, unlogged); }

    public TableLayout withPartitionOf(String parent, String newBound) {
        return new TableLayout(partitionBy, parent, newBound, inherits, unlogged);
    }

    public TableLayout withInherits(List<String> parents) { return new TableLayout(partitionBy, partitionOf, bound, parents, unlogged); }

    public TableLayout withUnlogged(boolean value) { return new TableLayout(partitionBy, partitionOf, bound, inherits, value); }
}
