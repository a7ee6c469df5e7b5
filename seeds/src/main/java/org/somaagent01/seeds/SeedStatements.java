package org.somaagent01.seeds;

import java.util.List;
import java.util.Map;
import kotlin.Unit;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.IsDistinctFromOp;
import org.jetbrains.exposed.v1.core.Op;
import org.jetbrains.exposed.v1.core.OpBuilderKt;
import org.jetbrains.exposed.v1.core.statements.InsertValue;
import org.jetbrains.exposed.v1.core.statements.UpdateBuilder;
import org.jetbrains.exposed.v1.core.statements.UpdateStatement;
import org.jetbrains.exposed.v1.core.statements.UpsertBuilder;
import org.jetbrains.exposed.v1.javatime.CurrentTimestampWithTimeZone;
import org.jetbrains.exposed.v1.jdbc.QueriesKt;

/** Writes one seed row through the schema-dsl table object, with its table's conflict policy. */
final class SeedStatements {
    private SeedStatements() {}

    /** Runs the statement inside the caller's transaction; returns the rows it inserted or updated (0 or 1). */
    static int write(SeedTable table, SeedRow row) {
        if (table.policy() instanceof ConflictPolicy.UpdateCatalog update) {
            List<Column<?>> refreshed = update.catalogColumns().stream().filter(row.values()::containsKey).toList();
            if (!refreshed.isEmpty()) return upsert(table, row, refreshed, update);
        }
        return insertIgnore(table, row);
    }

    /** {@code INSERT … ON CONFLICT DO NOTHING}. */
    private static int insertIgnore(SeedTable table, SeedRow row) {
        return QueriesKt.insertIgnore(table.table(), (t, insert) -> {
            setAll(insert, row);
            return Unit.INSTANCE;
        }).getInsertedCount();
    }

    /**
     * {@code INSERT … ON CONFLICT (pk) DO UPDATE SET <catalog columns> = EXCLUDED.…, <touched> = CURRENT_TIMESTAMP
     * WHERE <any catalog column> IS DISTINCT FROM EXCLUDED.…}: the WHERE keeps an unchanged row untouched, so its
     * timestamp (and the BEFORE UPDATE trigger) only move when the data file really changed it. Only the catalog
     * columns the row gives are refreshed: an absent one would otherwise be reset to its default.
     */
    private static int upsert(SeedTable table, SeedRow row, List<Column<?>> refreshed, ConflictPolicy.UpdateCatalog policy) {
        return QueriesKt.upsert(table.table(), table.primaryKey().toArray(new Column<?>[0]),
                (UpsertBuilder builder, UpdateStatement update) -> {
                    for (Column<?> c : refreshed) setExcluded(update, c);
                    update.update(policy.touched(), CurrentTimestampWithTimeZone.INSTANCE);
                    return Unit.INSTANCE;
                },
                null,
                () -> OpBuilderKt.compoundOr(refreshed.stream().map(SeedStatements::differsFromExcluded).toList()),
                (t, insert) -> {
                    setAll(insert, row);
                    return Unit.INSTANCE;
                }).getInsertedCount();
    }

    private static Op<Boolean> differsFromExcluded(Column<?> column) {
        return new IsDistinctFromOp(column, excludedValue(column));
    }

    /** {@code EXCLUDED.<column>}: what UpsertBuilder.insertValue gives, also usable in the WHERE lambda. */
    private static <T> InsertValue<T> excludedValue(Column<T> column) {
        return new InsertValue<>(column, column.getColumnType());
    }

    private static <T> void setExcluded(UpdateStatement update, Column<T> column) {
        update.update(column, excludedValue(column));
    }

    private static void setAll(UpdateBuilder<?> statement, SeedRow row) {
        for (Map.Entry<Column<?>, Object> e : row.values().entrySet()) set(statement, e.getKey(), e.getValue());
    }

    @SuppressWarnings("unchecked") // the value was read for this very column by JsonColumnValues
    private static <T> void set(UpdateBuilder<?> statement, Column<T> column, Object value) {
        statement.set(column, (T) value);
    }
}
