package org.somaagent01.schema.pg;

import org.jetbrains.exposed.v1.core.ExpressionWithColumnType;
import org.jetbrains.exposed.v1.core.Function;
import org.jetbrains.exposed.v1.core.Op;
import org.jetbrains.exposed.v1.core.QueryBuilder;
import org.jetbrains.exposed.v1.core.TextColumnType;

/**
 * SQL text handed to Exposed verbatim, so that Exposed's own DDL ({@code SchemaUtils.create}) carries what PgTable
 * declares: CHECK bodies and partial-index predicates as {@link Op}s, index keys with an opclass or DESC as
 * expressions. Only ever the declarations' own text, never values.
 */
final class RawSql {
    private RawSql() {}

    static Op<Boolean> condition(String sql) {
        return new Op<>() {
            @Override
            public void toQueryBuilder(QueryBuilder queryBuilder) {
                queryBuilder.append(sql);
            }
        };
    }

    /** An index key as a {@link Function}: Exposed's PostgreSQL dialect prints functions in index keys as they are. */
    static ExpressionWithColumnType<String> indexKey(String sql) {
        return new Function<>(new TextColumnType(null, false)) {
            @Override
            public void toQueryBuilder(QueryBuilder queryBuilder) {
                queryBuilder.append(sql);
            }
        };
    }
}
