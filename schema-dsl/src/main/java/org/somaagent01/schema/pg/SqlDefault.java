package org.somaagent01.schema.pg;

import org.jetbrains.exposed.v1.core.Function;
import org.jetbrains.exposed.v1.core.IColumnType;
import org.jetbrains.exposed.v1.core.QueryBuilder;

/**
 * A column default given as SQL text, printed verbatim. Written the way {@code pg_get_expr} prints it
 * ({@code now()}, {@code '{}'::jsonb}), so the declared and the live catalog compare equal.
 */
final class SqlDefault<T> extends Function<T> {
    private final String sql;

    SqlDefault(String sql, IColumnType<T> type) {
        super(type);
        this.sql = sql;
    }

    String sql() { return sql; }

    @Override
    public void toQueryBuilder(QueryBuilder queryBuilder) {
        queryBuilder.append(sql);
    }
}
