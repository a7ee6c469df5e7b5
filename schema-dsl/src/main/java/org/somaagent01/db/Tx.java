package org.somaagent01.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import kotlin.Unit;
import org.jetbrains.exposed.v1.core.Expression;
import org.jetbrains.exposed.v1.core.Op;
import org.jetbrains.exposed.v1.core.ResultRow;
import org.jetbrains.exposed.v1.core.Table;
import org.jetbrains.exposed.v1.core.statements.BatchInsertStatement;
import org.jetbrains.exposed.v1.core.statements.InsertStatement;
import org.jetbrains.exposed.v1.core.statements.UpdateStatement;
import org.jetbrains.exposed.v1.core.statements.StatementType;
import org.jetbrains.exposed.v1.jdbc.JdbcTransaction;
import org.jetbrains.exposed.v1.jdbc.Query;
import org.jetbrains.exposed.v1.jdbc.QueriesKt;

/**
 * One open transaction, as {@link SomaDatabase#tx} hands it to the body: Exposed's query DSL without the Kotlin
 * calling conventions. Queries are Exposed's own {@link Query} (chain {@code where}, {@code orderBy}, {@code limit},
 * iterate it); conditions come from {@link Where}. Valid only inside the body.
 */
public final class Tx {
    private final JdbcTransaction exposed;

    Tx(JdbcTransaction exposed) {
        this.exposed = exposed;
    }

    /** Exposed's transaction, for anything not wrapped here. */
    public JdbcTransaction exposed() {
        return exposed;
    }

    /** The transaction's JDBC connection (e.g. for {@code COPY}); do not commit, roll back or close it. */
    public Connection jdbc() {
        return (Connection) exposed.getConnection().getConnection();
    }

    // ---- queries

    /** {@code SELECT * FROM table}: add {@code .where(…)}, {@code .orderBy(…)}, {@code .limit(n)} and iterate. */
    public Query selectAll(Table table) {
        return QueriesKt.selectAll(table);
    }

    /** {@code SELECT expressions FROM table}. */
    public Query select(Table table, Expression<?> first, Expression<?>... more) {
        return QueriesKt.select(table, first, more);
    }

    /** The rows of {@code table} that satisfy {@code where}, read into a list. */
    public List<ResultRow> selectWhere(Table table, Op<Boolean> where) {
        return list(selectAll(table).where(where));
    }

    /** The one row of {@code table} that satisfies {@code where}, if any; more than one is an error. */
    public Optional<ResultRow> findOne(Table table, Op<Boolean> where) {
        List<ResultRow> rows = list(selectAll(table).where(where).limit(2));
        if (rows.size() > 1) throw new IllegalStateException("more than one row of " + table.getTableName() + " matches");
        return rows.stream().findFirst();
    }

    /** Reads a query's rows into a list (a {@link Query} runs again each time it is iterated). */
    public static List<ResultRow> list(Query query) {
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow r : query) rows.add(r);
        return rows;
    }

    // ---- writes

    /**
     * {@code INSERT … RETURNING *}: the inserted row as the database stored it, with generated keys
     * ({@code bigserial}, {@code gen_random_uuid()}) and defaults ({@code now()}, {@code '{}'::jsonb}) filled in.
     */
    public <T extends Table> ResultRow insert(T table, Consumer<? super InsertStatement<Number>> values) {
        Iterable<ResultRow> returned = QueriesKt.insertReturning(table, table.getColumns(), false, (t, st) -> {
            values.accept(st);
            return Unit.INSTANCE;
        });
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow r : returned) rows.add(r);
        return rows.get(0);
    }

    /** {@code UPDATE table SET … WHERE where}; returns the number of rows updated. */
    public <T extends Table> int update(T table, Op<Boolean> where, Consumer<? super UpdateStatement> values) {
        return QueriesKt.update(table, () -> where, null, (t, st) -> {
            values.accept(st);
            return Unit.INSTANCE;
        });
    }

    /** {@code DELETE FROM table WHERE where}; returns the number of rows deleted. */
    public <T extends Table> int delete(T table, Op<Boolean> where) {
        return QueriesKt.deleteWhere(table, null, t -> where);
    }

    /**
     * Inserts one row per item in JDBC batches; with the pool's {@code reWriteBatchedInserts=true} pgjdbc sends them
     * as multi-row INSERTs. Generated values are not read back (that would turn the rewrite off); returns the number
     * of items inserted.
     */
    public <T extends Table, E> int batchInsert(T table, Iterable<E> items, BiConsumer<? super BatchInsertStatement, ? super E> values) {
        List<ResultRow> rows = QueriesKt.batchInsert(table, items, false, false, (st, item) -> {
            values.accept(st, item);
            return Unit.INSTANCE;
        });
        return rows.size();
    }

    /** Runs one SQL statement that returns no rows, e.g. {@code SET LOCAL …}. Values belong in parameters, not here. */
    public void exec(String sql) {
        exposed.exec(sql, List.of(), StatementType.OTHER);
    }
}
