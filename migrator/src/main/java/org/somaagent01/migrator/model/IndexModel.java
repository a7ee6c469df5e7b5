package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A non-constraint index. {@code predicate} is the partial-index {@code WHERE} in {@code pg_get_expr} form
 * or null; {@code with} holds storage parameters as PostgreSQL stores them ({@code lists=100}), in their declared
 * order: {@code WITH (m=8, ef_construction=32)} is another index than {@code WITH (ef_construction=32, m=8)} to
 * anyone comparing definitions. {@code include} are the {@code INCLUDE} columns; {@code nullsNotDistinct} is the
 * {@code NULLS NOT DISTINCT} of a unique index. Options that are absent are left out of snapshots, so snapshots
 * written before they existed read back equal.
 */
public record IndexModel(String name, boolean unique, String method, List<IndexKey> keys,
                         @JsonSerialize(using = StorageParameters.Writer.class)
                         @JsonDeserialize(using = StorageParameters.Reader.class) List<String> with,
                         String predicate,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> include,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nullsNotDistinct) {

    /**
     * A key: a column name, or an expression in parentheses; a non-default opclass or null; DESC or not; a collation
     * other than the column's (or, for an expression, its type's) or null; {@code FIRST} or {@code LAST} when the
     * NULLS order is not the default for the direction (LAST for ASC, FIRST for DESC), else null.
     */
    public record IndexKey(String expression, String opclass, boolean descending,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String collation,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String nulls) {
        public IndexKey(String expression, String opclass, boolean descending) {
            this(expression, opclass, descending, null, null);
        }

        public IndexKey {
            if (nulls != null && !nulls.equals("FIRST") && !nulls.equals("LAST")) {
                throw new IllegalArgumentException("NULLS " + nulls + " is neither FIRST nor LAST");
            }
            // the default order for the direction is no option
            if (nulls != null && nulls.equals(descending ? "FIRST" : "LAST")) nulls = null;
        }

        // written out, not generated: see IndexModel#equals
        @Override
        public boolean equals(Object o) {
            return o instanceof IndexKey k && descending == k.descending && Objects.equals(expression, k.expression)
                    && Objects.equals(opclass, k.opclass) && Objects.equals(collation, k.collation)
                    && Objects.equals(nulls, k.nulls);
        }

        @Override
        public int hashCode() {
            return Objects.hash(expression, opclass, descending, collation, nulls);
        }
    }

    /** Storage parameters given as a map are taken in name order. */
    public IndexModel(String name, boolean unique, String method, List<IndexKey> keys, Map<String, String> with,
                      String predicate) {
        this(name, unique, method, keys, StorageParameters.of(with), predicate, List.of(), false);
    }

    /** An index without INCLUDE columns or NULLS NOT DISTINCT. */
    public IndexModel(String name, boolean unique, String method, List<IndexKey> keys, List<String> with,
                      String predicate) {
        this(name, unique, method, keys, with, predicate, List.of(), false);
    }

    public IndexModel {
        keys = List.copyOf(keys);
        with = with == null ? List.of() : List.copyOf(with);
        include = include == null ? List.of() : List.copyOf(include);
        for (String p : with) {
            if (p.indexOf('=') <= 0) throw new IllegalArgumentException("storage parameter " + p + " is not name=value");
        }
    }

    // written out, not generated: a record's own equals is linked at its first call (method handles, several
    // milliseconds each in a fresh JVM) and runs slowly until compiled, and the differ compares every index
    @Override
    public boolean equals(Object o) {
        return o instanceof IndexModel x && unique == x.unique && nullsNotDistinct == x.nullsNotDistinct
                && Objects.equals(name, x.name) && Objects.equals(method, x.method) && keys.equals(x.keys)
                && with.equals(x.with) && Objects.equals(predicate, x.predicate) && include.equals(x.include);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unique, method, keys, with, predicate, include, nullsNotDistinct);
    }
}
