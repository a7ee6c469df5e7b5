package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableLayout;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.plan.Planner;
import org.somaagent01.migrator.plan.RenderMode;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.migrator.plan.Step;
import org.somaagent01.migrator.store.Snapshots;

/**
 * Partitioned tables and partitions, inheritance and UNLOGGED tables: what the inspector reads (a partition's
 * inherited columns, cloned constraints, attached indexes and cloned triggers are its parent's), the SQL of each
 * change (golden), and live round trips: the diff applied to A gives B, again changes nothing, the down gives A.
 */
class PartitionsTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException { db = new LiveSchema(); }

    @AfterAll
    static void close() throws SQLException { if (db != null) db.close(); }

    private static TableModel table(String name, List<ColumnModel> columns, TableLayout layout) {
        return TableModel.of(name, columns, null, List.of(), List.of(), List.of(), List.of(), List.of(), null).withLayout(layout);
    }

    private static final List<ColumnModel> EVENT_COLUMNS = List.of(new ColumnModel("id", "integer", true, null),
            new ColumnModel("at", "date", true, null));

    /** events partitioned by range of at, with a partition per bound given, the first one sub-partitioned by id. */
    private static SchemaModel events(String key, List<String> bounds, boolean unlogged) {
        List<TableModel> tables = new ArrayList<>();
        tables.add(TableModel.of("events", EVENT_COLUMNS, new KeyConstraint("events_pkey", List.of("id", "at")), List.of(),
                List.of(), List.of(), List.of(new IndexModel("events_at", false, "btree",
                        List.of(new IndexModel.IndexKey("at", null, false)), List.of(), null)), List.of(), null)
                .withLayout(TableLayout.partitioned(key)));
        for (int i = 0; i < bounds.size(); i++) {
            TableLayout l = TableLayout.partitionOf("events", bounds.get(i));
            if (i == 0) l = l.withPartitionBy("HASH (id)");
            tables.add(table("events_" + i, List.of(), l.withUnlogged(unlogged && i > 0)));
        }
        if (!bounds.isEmpty()) {
            tables.add(table("events_0_a", List.of(), TableLayout.partitionOf("events_0", "FOR VALUES WITH (modulus 2, remainder 0)")));
            tables.add(table("events_0_b", List.of(), TableLayout.partitionOf("events_0", "FOR VALUES WITH (modulus 2, remainder 1)")));
        }
        return SchemaModel.of(List.of(), List.of(), tables, List.of());
    }

    private static final String Y2026 = "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')";
    private static final String Y2027 = "FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')";
    private static final String Y2027_HALF = "FOR VALUES FROM ('2027-01-01') TO ('2027-07-01')";

    @Test
    void theInspectorGivesAPartitionNothingOfItsParentsAndAllOfItsOwn() throws SQLException {
        db.reset();
        db.execute(List.of(
                "CREATE TABLE ref (id integer PRIMARY KEY)",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                "CREATE TABLE events (id integer NOT NULL REFERENCES ref, at date NOT NULL, CONSTRAINT ck_id CHECK (id > 0),"
                        + " PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                "CREATE INDEX events_at ON events (at)",
                "CREATE TRIGGER events_touch BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION touch()",
                "CREATE TABLE events_2026 PARTITION OF events (CONSTRAINT ck_own CHECK (id < 100)) " + Y2026 + " PARTITION BY HASH (id)",
                "CREATE TABLE events_2026_a PARTITION OF events_2026 FOR VALUES WITH (modulus 1, remainder 0)",
                // made a table of its own first, then attached: its columns and constraints become the parent's
                "CREATE UNLOGGED TABLE events_2027 (id integer NOT NULL, at date NOT NULL, CONSTRAINT ck_id CHECK (id > 0))",
                "ALTER TABLE events ATTACH PARTITION events_2027 " + Y2027,
                "CREATE INDEX events_2027_id ON events_2027 (id)",
                "CREATE TABLE events_rest PARTITION OF events DEFAULT",
                "CREATE TABLE base (id integer, CONSTRAINT ck_base CHECK (id > 0))",
                "CREATE TABLE child (extra text) INHERITS (base)"));
        SchemaModel live = db.inspect();
        TableModel events = live.tables().get("events");
        assertEquals(TableLayout.partitioned("RANGE (at)"), events.layout());
        assertEquals(List.of("ck_id"), List.copyOf(events.checks().keySet()));
        assertEquals(List.of("events_at"), List.copyOf(events.indexes().keySet()));
        assertEquals(1, events.foreignKeys().size());
        assertEquals(List.of("events_touch"), List.copyOf(events.triggers().keySet()));
        TableModel y2026 = live.tables().get("events_2026");
        assertEquals(new TableLayout("HASH (id)", "events", Y2026, List.of(), false), y2026.layout());
        assertEquals(List.of(), y2026.columns());
        assertEquals(List.of("ck_own"), List.copyOf(y2026.checks().keySet()));
        assertEquals(null, y2026.primaryKey());
        assertTrue(y2026.indexes().isEmpty() && y2026.foreignKeys().isEmpty() && y2026.triggers().isEmpty(), y2026.toString());
        assertEquals(table("events_2026_a", List.of(), TableLayout.partitionOf("events_2026",
                "FOR VALUES WITH (modulus 1, remainder 0)")), live.tables().get("events_2026_a"));
        TableModel y2027 = live.tables().get("events_2027");
        assertEquals(new TableLayout(null, "events", Y2027, List.of(), true), y2027.layout());
        assertEquals(List.of(), y2027.columns());
        assertTrue(y2027.checks().isEmpty(), y2027.toString());
        assertEquals(List.of("events_2027_id"), List.copyOf(y2027.indexes().keySet()));
        assertEquals(TableLayout.partitionOf("events", "DEFAULT"), live.tables().get("events_rest").layout());
        TableModel child = live.tables().get("child");
        assertEquals(List.of("base"), child.shape().inherits());
        assertEquals(List.of(new ColumnModel("extra", "text", false, null)), child.columns());
        assertTrue(child.checks().isEmpty(), child.toString());

        assertEquals(live, Snapshots.read(Snapshots.write(live), "test"), "a snapshot keeps all of it");
        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, live)).upStatements());
        assertEquals(live, db.inspect(), "built again from empty");
    }

    @Test
    void aPlainTableKeepsItsSnapshotForm() {
        TableModel t = table("t", EVENT_COLUMNS, TableLayout.PLAIN);
        assertEquals(null, t.layout());
        String json = Snapshots.write(SchemaModel.of(List.of(), List.of(), List.of(t), List.of()));
        assertFalse(json.contains("layout"), json);
        String partitioned = Snapshots.write(events("RANGE (at)", List.of(Y2026), false));
        assertTrue(partitioned.contains("\"partitionBy\" : \"RANGE (at)\"") || partitioned.contains("\"partitionBy\":\"RANGE (at)\""),
                partitioned);
        assertFalse(partitioned.contains("unlogged") || partitioned.contains("inherits"), partitioned);
    }

    @Test
    void theShippedSnapshotReadsAndWritesWithoutTheNewFields() throws Exception {
        String shipped = new String(getClass().getResourceAsStream("/db/migration/0001_initial_schema.snapshot.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        SchemaModel model = Snapshots.read(shipped, "shipped");
        String written = Snapshots.write(model);
        assertFalse(written.contains("\"layout\"") || written.contains("\"collation\""), written);
        assertEquals(model, Snapshots.read(written, "written"));
    }

    @Test
    void layoutChangesRender() {
        Golden.renders(new Change.AttachPartition("p1", "p", Y2026),
                List.of("DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('p1') AND inhparent"
                        + " = to_regclass('p')) THEN\n        ALTER TABLE p ATTACH PARTITION p1 " + Y2026 + ";\n    END IF;\nEND $$"),
                List.of("DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('p1') AND inhparent"
                        + " = to_regclass('p')) THEN\n        ALTER TABLE p DETACH PARTITION p1;\n    END IF;\nEND $$"));
        Golden.renders(new Change.SetUnlogged("t", true), List.of("ALTER TABLE IF EXISTS t SET UNLOGGED"),
                List.of("ALTER TABLE IF EXISTS t SET LOGGED"));
        TableModel p = table("p", List.of(new ColumnModel("at", "date", false, null)), TableLayout.partitioned("RANGE (at)"));
        TableModel p1 = table("p1", List.of(), TableLayout.partitionOf("p", Y2026).withUnlogged(true));
        TableModel c = table("c", List.of(new ColumnModel("x", "text", false, null)), TableLayout.PLAIN.withInherits(List.of("p1")));
        Golden.renders(new Change.CreatePartitioned(p, List.of(p1)),
                List.of("CREATE TABLE IF NOT EXISTS p (\n    at date\n) PARTITION BY RANGE (at)",
                        "CREATE UNLOGGED TABLE IF NOT EXISTS p1 PARTITION OF p " + Y2026),
                List.of("DROP TABLE IF EXISTS p"));
        assertTrue(new Change.DropPartitioned(p, List.of(p1)).destructive());
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS c (\n    x text\n) INHERITS (p1)"), SqlRenderer.render(new Change.CreateTable(c)));
    }

    @Test
    void aChangedBoundIsDetachedAndAttachedAndAnAddedPartitionCreated() throws SQLException {
        SchemaModel a = events("RANGE (at)", List.of(Y2026, Y2027_HALF), false);
        SchemaModel b = events("RANGE (at)", List.of(Y2026, Y2027, "DEFAULT"), true);
        List<Change> changes = Differ.diff(a, b);
        assertTrue(changes.contains(new Change.DetachPartition("events_1", "events", Y2027_HALF)), changes.toString());
        assertTrue(changes.contains(new Change.AttachPartition("events_1", "events", Y2027)), changes.toString());
        assertTrue(changes.contains(new Change.SetUnlogged("events_1", true)), changes.toString());
        assertTrue(changes.contains(new Change.CreateTable(b.tables().get("events_2"))), changes.toString());
        assertFalse(new Plan(changes).destructive());
        db.roundTrip(a, b);
    }

    @Test
    void aPartitionKeyChangeRebuildsTheTreeAndSaysItIsDestructive() throws SQLException {
        SchemaModel a = events("RANGE (at)", List.of(Y2026), false);
        SchemaModel b = events("RANGE (at)", List.of(), false).withTables(java.util.Map.of("events",
                events("RANGE (at)", List.of(), false).tables().get("events").withLayout(TableLayout.partitioned("LIST (id)"))));
        List<Change> changes = Differ.diff(a, b);
        assertTrue(new Plan(changes).destructive(), changes.toString());
        db.roundTrip(a, b);
    }

    @Test
    void droppingAPartitionedTableIsOneDropThatCountsEveryPartitionsRows() throws SQLException {
        SchemaModel a = events("RANGE (at)", List.of(Y2026, Y2027), false);
        List<Change> changes = Differ.diff(a, SchemaModel.EMPTY);
        List<String> drops = new Plan(changes).upStatements().stream().filter(s -> s.startsWith("DROP TABLE")).toList();
        assertEquals(List.of("DROP TABLE IF EXISTS events"), drops);
        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, a)).upStatements());
        db.execute(List.of("INSERT INTO events VALUES (1, '2026-02-01'), (2, '2027-02-01'), (3, '2026-03-01')"));
        // apply's data loss check counts them on the one table it drops: its partitions' rows are its rows
        for (SchemaModel to : List.of(SchemaModel.EMPTY, events("LIST (at)", List.of(), false))) {
            var t = org.somaagent01.migrator.generate.ScriptGenerator.texts("0002_drop", Differ.diff(a, to), RenderMode.PLAIN);
            var script = org.somaagent01.migrator.store.MigrationScript.of(2, "drop", t.up(), t.down(), Snapshots.write(to));
            assertEquals(List.of("table events (3 rows)"),
                    org.somaagent01.migrator.apply.Applier.dataLoss(db.connection(), new org.somaagent01.migrator.apply.Applier.Step(script, 0)));
        }
        db.roundTrip(a, SchemaModel.EMPTY);
    }

    @Test
    void anIndexOnAPartitionedTableIsNeverBuiltConcurrently() throws SQLException {
        SchemaModel a = events("RANGE (at)", List.of(Y2026), false);
        TableModel e = a.tables().get("events");
        TableModel indexed = TableModel.of(e.name(), e.columns(), e.primaryKey(), List.of(), List.of(), List.of(),
                List.of(new IndexModel("events_id", false, "btree", List.of(new IndexModel.IndexKey("id", null, false)),
                        List.of(), null)), List.of(), null).withLayout(e.layout());
        java.util.Map<String, TableModel> tables = new java.util.HashMap<>(a.tables());
        tables.put("events", indexed);
        SchemaModel b = a.withTables(tables);
        List<Change> changes = Differ.diff(a, b);
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (Step s : Planner.steps(changes, RenderMode.ONLINE)) up.addAll(s.up());
        List<Step> steps = Planner.steps(changes, RenderMode.ONLINE);
        for (int i = steps.size() - 1; i >= 0; i--) down.addAll(steps.get(i).down());
        assertTrue(up.stream().noneMatch(s -> s.contains("CONCURRENTLY")), up.toString());
        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, a)).upStatements());
        db.execute(up);
        assertEquals(b, db.inspect());
        db.execute(down);
        assertEquals(a, db.inspect());
    }

    private static SchemaModel collated(String type, String collation) {
        return SchemaModel.of(List.of(), List.of(), List.of(table("t", List.of(new ColumnModel("id", "integer", true, null),
                new ColumnModel("name", type, false, null).withCollation(collation)), TableLayout.PLAIN)), List.of());
    }

    @Test
    void aColumnCollationIsCreatedChangedAndKeptAcrossATypeChange() throws SQLException {
        List<Change> changes = Differ.diff(collated("text", null), collated("text", "C"));
        assertEquals(List.of(new Change.SetColumnCollation("t", "name", "text", null, "C")), changes);
        assertEquals(List.of("DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " JOIN pg_collation co ON co.oid = a.attcollation WHERE a.attrelid = to_regclass('t') AND a.attname = 'name'"
                + " AND format_type(a.atttypid, a.atttypmod) = 'text' AND co.collname <> 'C') THEN\n"
                + "        ALTER TABLE t ALTER COLUMN name TYPE text COLLATE \"C\";\n    END IF;\nEND $$"), SqlRenderer.render(changes.get(0)));
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS t (\n    id integer NOT NULL,\n    name text COLLATE \"C\"\n)"),
                SqlRenderer.render(new Change.CreateTable(collated("text", "C").tables().get("t"))));
        db.roundTrip(collated("text", null), collated("text", "C"));
        db.roundTrip(collated("text", "C"), collated("text", "POSIX"));
        db.roundTrip(collated("text", "C"), collated("character varying(20)", "C"));
        db.roundTrip(collated("character varying(20)", "POSIX"), collated("text", null));
    }

    @Test
    void aMaterializedViewsIndexesAreCreatedAfterItAndGoWithIt() throws SQLException {
        TableModel t = table("t", List.of(new ColumnModel("id", "integer", true, null)), TableLayout.PLAIN);
        org.somaagent01.migrator.model.ViewModel m = new org.somaagent01.migrator.model.ViewModel("m", true,
                " SELECT t.id\n   FROM t;", java.util.Map.of(), List.of("t.id"));
        IndexModel ix = new IndexModel("m_id", true, "btree", List.of(new IndexModel.IndexKey("id", null, false)), List.of(), null);
        SchemaModel a = SchemaModel.of(List.of(), List.of(), List.of(t), List.of(), List.of(), List.of(m));
        SchemaModel b = SchemaModel.of(List.of(), List.of(), List.of(t), List.of(), List.of(), List.of(m.withIndexes(List.of(ix))));
        assertEquals(List.of("CREATE MATERIALIZED VIEW IF NOT EXISTS m AS\n SELECT t.id\n   FROM t",
                "CREATE UNIQUE INDEX IF NOT EXISTS m_id ON m USING btree (id)"),
                SqlRenderer.render(new Change.CreateView(b.views().get("m"))));
        db.roundTrip(a, b);
        db.roundTrip(b, SchemaModel.EMPTY);
        assertEquals(b, Snapshots.read(Snapshots.write(b), "test"));
        String onlyView = Snapshots.write(SchemaModel.of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(m)));
        assertFalse(onlyView.contains("indexes"), onlyView);
    }

    @Test
    void anIndexOnAMaterializedViewTheScriptCreatedIsNoLockHazard() {
        String sql = "CREATE MATERIALIZED VIEW IF NOT EXISTS m AS\n SELECT 1 AS id;\n\nCREATE INDEX IF NOT EXISTS m_id ON m USING btree (id);\n";
        var findings = org.somaagent01.migrator.lint.Linter.lint("0002_x.up.sql", sql).stream()
                .flatMap(l -> l.findings().stream()).map(f -> f.rule()).toList();
        assertFalse(findings.contains(org.somaagent01.migrator.lint.LintRule.REQUIRE_CONCURRENT_INDEX_CREATION), findings.toString());
        var existing = org.somaagent01.migrator.lint.Linter.lint("0002_x.up.sql", "CREATE INDEX IF NOT EXISTS m_id ON m USING btree (id);\n")
                .stream().flatMap(l -> l.findings().stream()).map(f -> f.rule()).toList();
        assertTrue(existing.contains(org.somaagent01.migrator.lint.LintRule.REQUIRE_CONCURRENT_INDEX_CREATION), existing.toString());
    }

    @Test
    void inheritanceAndUnloggedRoundTrip() throws SQLException {
        TableModel base = TableModel.of("base", List.of(new ColumnModel("id", "integer", false, null)), null, List.of(),
                List.of(new org.somaagent01.migrator.model.CheckModel("ck_base", "(id > 0)", false)), List.of(), List.of(),
                List.of(), null);
        TableModel child = table("child", List.of(new ColumnModel("extra", "text", false, null)),
                TableLayout.PLAIN.withInherits(List.of("base")));
        SchemaModel a = SchemaModel.of(List.of(), List.of(), List.of(base), List.of());
        SchemaModel b = SchemaModel.of(List.of(), List.of(), List.of(base.withLayout(TableLayout.PLAIN.withUnlogged(true)), child),
                List.of());
        db.roundTrip(a, b);
        db.roundTrip(b, SchemaModel.EMPTY);
        // another parent: NO INHERIT would make the inherited columns the child's own, so the child is rebuilt
        TableModel other = TableModel.of("other", List.of(new ColumnModel("n", "bigint", false, null)), null, List.of(),
                List.of(), List.of(), List.of(), List.of(), null);
        SchemaModel c = SchemaModel.of(List.of(), List.of(), List.of(base, other, child.withLayout(TableLayout.PLAIN
                .withInherits(List.of("base", "other")))), List.of());
        assertTrue(new Plan(Differ.diff(b, c)).destructive());
        db.roundTrip(b, c);
    }
}
