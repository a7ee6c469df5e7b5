package org.somaagent01.schema.pg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbrains.exposed.v1.core.Column;

/**
 * An index as PostgreSQL knows it, beyond what Exposed's {@code index(...)} can say: access method, per-key
 * operator class, {@code DESC} and {@code NULLS FIRST/LAST}, expression keys, {@code INCLUDE} columns,
 * {@code NULLS NOT DISTINCT}, {@code WITH (...)} storage parameters (in the order given) and a partial
 * {@code WHERE} predicate. Built fluently from {@link PgTable#index(String)}.
 */
public final class IndexSpec {
    /**
     * One key: a column name or a parenthesized expression, with an optional opclass and direction, and
     * {@code FIRST}/{@code LAST} for an explicit NULLS order (null: the default for the direction).
     */
    public record Key(String expression, String opclass, boolean descending, String nulls) {
        public Key(String expression, String opclass, boolean descending) {
            this(expression, opclass, descending, null);
        }
    }

    private final String name;
    private boolean unique;
    private String method = "btree";
    private final List<Key> keys = new ArrayList<>();
    private final Map<String, String> with = new LinkedHashMap<>();
    private String where;
    // the key columns in order, null for expression keys: Exposed's Index wants Column objects
    private final List<Column<?>> columns = new ArrayList<>();
    private final Runnable changed;
    private final List<String> include = new ArrayList<>();
    private boolean nullsNotDistinct;

    IndexSpec(String name, Runnable changed) {
        this.name = name;
        this.changed = changed;
    }

    public IndexSpec unique() { unique = true; return changed(); }
    public IndexSpec using(String accessMethod) { method = accessMethod; return changed(); }
    public IndexSpec on(Column<?>... columns) {
        for (Column<?> c : columns) key(c, new Key(c.getName(), null, false));
        return changed();
    }
    public IndexSpec desc(Column<?> column) { key(column, new Key(column.getName(), null, true)); return changed(); }
    public IndexSpec on(Column<?> column, String opclass) { key(column, new Key(column.getName(), opclass, false)); return changed(); }
    /** An expression key, written as PostgreSQL prints it, e.g. {@code lower(name)}. */
    public IndexSpec onExpression(String expression) { key(null, new Key("(" + expression + ")", null, false)); return changed(); }
    public IndexSpec with(String parameter, String value) { with.put(parameter, value); return changed(); }
    /** The partial-index predicate, written exactly as {@code pg_get_expr} prints it, e.g. {@code (a IS NOT NULL)}. */
    public IndexSpec where(String predicate) { where = predicate; return changed(); }

    private void key(Column<?> column, Key key) {
        columns.add(column);
        keys.add(key);
    }

    private IndexSpec changed() {
        changed.run();
        return this;
    }

    /** An ascending key whose NULLs sort first (ASC sorts them last by default). */
    public IndexSpec nullsFirst(Column<?> column) { key(column, new Key(column.getName(), null, false, "FIRST")); return changed(); }
    /** A descending key whose NULLs sort last (DESC sorts them first by default). */
    public IndexSpec descNullsLast(Column<?> column) { key(column, new Key(column.getName(), null, true, "LAST")); return changed(); }
    /** Non-key columns stored in the index ({@code INCLUDE}), for index-only scans. */
    public IndexSpec include(Column<?>... columns) {
        for (Column<?> c : columns) include.add(c.getName());
        return changed();
    }
    /** A unique index treating NULLs as equal ({@code NULLS NOT DISTINCT}). */
    public IndexSpec nullsNotDistinct() { nullsNotDistinct = true; return changed(); }

    /** The key columns in order, null for expression keys. */
    List<Column<?>> keyColumns() { return Collections.unmodifiableList(columns); }

    public String name() { return name; }
    public boolean isUnique() { return unique; }
    public String method() { return method; }
    public List<Key> keys() { return List.copyOf(keys); }
    /** In the order declared, which PostgreSQL keeps. */
    public Map<String, String> withParameters() { return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(with)); }
    public List<String> includedColumns() { return List.copyOf(include); }
    public boolean isNullsNotDistinct() { return nullsNotDistinct; }
    public String predicate() { return where; }
}
