package org.somaagent01.migrator.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A non-constraint index. {@code predicate} is the partial-index {@code WHERE} in {@code pg_get_expr} form
 * or null; {@code with} holds storage parameters ({@code lists=100}).
 */
public record IndexModel(String name, boolean unique, String method, List<IndexKey> keys,
                         SortedMap<String, String> with, String predicate) {

    /** A key: a column name, or an expression in parentheses; a non-default opclass or null; DESC or not. */
    public record IndexKey(String expression, String opclass, boolean descending) {}

    public IndexModel(String name, boolean unique, String method, List<IndexKey> keys, Map<String, String> with,
                      String predicate) {
        this(name, unique, method, keys, Names.sorted(with), predicate);
    }

    public IndexModel {
        keys = List.copyOf(keys);
        with = Names.sorted(with);
    }
}
