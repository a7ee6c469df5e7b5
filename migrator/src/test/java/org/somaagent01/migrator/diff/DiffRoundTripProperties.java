package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.plan.Plan;

/**
 * Diff correctness on random schema pairs against a real PostgreSQL: A from empty gives exactly A, diff(A→B) gives
 * exactly B (and running it again changes nothing), its down gives exactly A, and a schema diffs to nothing against
 * itself.
 *
 * <p>One exception to "exactly", which PostgreSQL imposes: it cannot reorder columns. Added columns land at the
 * end, so after the up a kept table has A's kept columns in A's order followed by B's new ones; after the down,
 * the columns B dropped come back at the end, in A's order.
 */
class DiffRoundTripProperties {
    private static final Set<Class<?>> DATABASE_KINDS =
            Set.of(Change.SetSearchPath.class, Change.CreateSchema.class, Change.DropSchema.class);
    private static LiveSchema db;

    @BeforeContainer
    static void open() throws SQLException { db = new LiveSchema(); }

    @AfterContainer
    static void close() throws SQLException { if (db != null) db.close(); }

    @Provide
    Arbitrary<RandomSchemas.Pair> pairs() { return RandomSchemas.pairs(); }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    @StatisticsReport(format = net.jqwik.api.statistics.Histogram.class)
    void upGivesBAndDownGivesA(@ForAll("pairs") RandomSchemas.Pair pair) throws SQLException {
        SchemaModel a = pair.a();
        SchemaModel b = pair.b();
        List<Change> changes = Differ.diff(a, b);
        for (Change c : changes) Statistics.label("change kinds").collect(c.getClass().getSimpleName());
        // a domain swapped under a column that uses it, not only one replaced alone
        Statistics.label("domain swaps").collect(changes.stream().anyMatch(c -> c instanceof Change.ReplaceDomain r
                && !r.users().isEmpty()));
        Statistics.label("domain swaps").coverage(check -> check.check(true).count(n -> n > 0));
        // a kept default calling a routine that is dropped and created again (helper_fn's new result)
        Statistics.label("default around a recreated routine").collect(changes.stream().anyMatch(c -> c instanceof Change.SetColumnDefault d
                && d.to() == null && "helper_fn()".equals(d.from())) && changes.stream().anyMatch(c -> c instanceof Change.DropFunction f
                && f.function().name().equals("helper_fn")) && b.functions().containsKey("helper_fn"));
        Statistics.label("default around a recreated routine").coverage(check -> check.check(true).count(n -> n > 0));
        // a kept generated column calling a routine that is dropped and created again (twice_fn's new result)
        Statistics.label("generated column around a recreated routine").collect(changes.stream().anyMatch(c ->
                c instanceof Change.DropReplacedColumn d && !d.calledRoutines().isEmpty()));
        Statistics.label("generated column around a recreated routine").coverage(check -> check.check(true).count(n -> n > 0));
        // every kind of change the generator can reach must occur (renames need declarations: see DifferTest)
        Statistics.label("change kinds").coverage(check -> {
            for (Class<?> kind : Change.class.getPermittedSubclasses()) {
                if (kind.getSimpleName().startsWith("Rename")) continue;
                // database-level changes (schemas, search path) come from DatabaseDiffer: DatabaseRoundTripProperties
                if (DATABASE_KINDS.contains(kind)) continue;
                // no extension shipped with PostgreSQL 15 can go back a version, so no down: ExtensionVersionsTest
                if (kind == Change.UpdateExtension.class) continue;
                check.check(kind.getSimpleName()).count(n -> n > 0);
            }
        });
        assertEquals(List.of(), Differ.diff(a, a), "a schema diffs to nothing against itself");
        assertEquals(List.of(), Differ.diff(b, b), "a schema diffs to nothing against itself");

        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, a)).upStatements());
        assertSchema(a, "A created from empty");

        Plan plan = new Plan(changes);
        db.execute(plan.upStatements());
        Set<String> replaced = replaced(changes, b);
        SchemaModel expectedB = withColumnOrder(b, a, (inB, inA) -> keptThenNew(inA, inB, replaced));
        assertSchema(expectedB, "after up A→B");
        db.execute(plan.upStatements());
        assertSchema(expectedB, "after running up A→B a second time");

        db.execute(plan.downStatements());
        assertSchema(withColumnOrder(a, b, (inA, inB) -> keptThenNew(inB, inA, replaced)), "after down B→A");
    }

    private static void assertSchema(SchemaModel expected, String when) throws SQLException {
        SchemaModel live = db.inspect();
        if (!expected.equals(live)) {
            assertEquals(RandomSchemas.ddl(expected), RandomSchemas.ddl(live), when + ": live schema differs; "
                    + "changes from live to expected: " + Differ.diff(live, expected));
            assertEquals(expected, live, when + ": live schema differs (column order?)");
        }
    }

    /**
     * Columns of {@code table} ordered as {@code before}'s columns it keeps, then the ones it has in addition;
     * a column dropped and added again ({@code replaced}, "table.column") counts as one in addition.
     */
    static List<ColumnModel> keptThenNew(TableModel before, TableModel table, Set<String> replaced) {
        List<ColumnModel> out = new ArrayList<>();
        java.util.function.Predicate<ColumnModel> kept = c -> before.column(c.name()).isPresent()
                && !replaced.contains(table.name() + "." + c.name());
        for (ColumnModel c : before.columns()) table.column(c.name()).filter(kept).ifPresent(out::add);
        for (ColumnModel c : table.columns()) if (!kept.test(c)) out.add(c);
        return out;
    }

    /** Columns on both sides that the changes drop and add again ("table.column"): generated ones that change. */
    static Set<String> replaced(List<Change> changes, SchemaModel b) {
        Set<String> out = new java.util.HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.DropReplacedColumn d) out.add(d.table() + "." + d.column().name());
        }
        return out;
    }

    static SchemaModel withColumnOrder(SchemaModel schema, SchemaModel other,
                                               BiFunction<TableModel, TableModel, List<ColumnModel>> order) {
        List<TableModel> tables = new ArrayList<>();
        for (TableModel t : schema.tables().values()) {
            TableModel o = other.tables().get(t.name());
            tables.add(o == null ? t : new TableModel(t.name(), order.apply(t, o), t.primaryKey(), t.uniques(), t.checks(),
                    t.foreignKeys(), t.indexes(), t.triggers(), t.comment(), t.exclusions()).withRowSecurity(t.rowSecurity())
                    .withLayout(t.layout()));
        }
        return schema.withTables(tables.stream().collect(java.util.stream.Collectors.toMap(TableModel::name, t -> t)));
    }
}
