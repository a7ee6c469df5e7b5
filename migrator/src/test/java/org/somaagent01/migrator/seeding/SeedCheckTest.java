package org.somaagent01.migrator.seeding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.apply.SeedStep;
import org.somaagent01.migrator.cli.Main;
import org.somaagent01.migrator.history.SeedHistory;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.seeds.SeedFiles;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Seed rows are checked by PostgreSQL against the schema the scripts lead to before any script runs; a rejected row
 * stops {@code apply} with exit 9, one line naming file, row, key and constraint, and the database untouched.
 */
class SeedCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path seedsDir;

    record Run(int code, String err) {
        String line() {
            return err.strip();
        }
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), Map.of());
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private Run apply(TestDatabase db, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--dsn", db.uri(), "--seeds-dir", seedsDir.toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(new String[0]));
    }

    /** The shipped data files in the temp seeds dir, then one of them edited. */
    private void shippedWith(String table, Consumer<ArrayNode> edit) throws Exception {
        for (String name : SeedFiles.NAMES) {
            try (InputStream in = getClass().getResourceAsStream("/seeds/" + name)) {
                Files.copy(in, seedsDir.resolve(name));
            }
        }
        Path file = seedsDir.resolve(table + ".json");
        ArrayNode rows = (ArrayNode) JSON.readTree(file.toFile());
        edit.accept(rows);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
    }

    private static ObjectNode row(ArrayNode rows, int i) {
        return (ObjectNode) rows.get(i);
    }

    @Test
    void aRowViolatingACheckStopsApplyBeforeAnyScriptRuns() throws Exception {
        // the JSON is well typed (a string for a text column): only the table's CHECK rejects it
        shippedWith("tool_catalog", rows -> row(rows, 1).put("cost_impact", "extreme"));
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String extensions = extensions(db);
            Run r = apply(db);
            assertEquals(ExitCode.SEED_INVALID.code, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals("error: invalid seed data: tool_catalog.json row 1 (name=echo): violates CHECK "
                    + "tool_catalog_cost_impact_check on tool_catalog.cost_impact "
                    + "(cost_impact = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text])); fix the data file; "
                    + "nothing was applied", r.line());
            assertUntouched(db, extensions);
        }
    }

    @Test
    void anExplicitNullInANotNullColumnStopsApplyBeforeAnyScriptRuns() throws Exception {
        shippedWith("prompts", rows -> row(rows, 0).putNull("content"));
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String extensions = extensions(db);
            Run r = apply(db);
            assertEquals(ExitCode.SEED_INVALID.code, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            // the seeds module reads NOT NULL from the table object, before the database is asked
            assertTrue(r.line().contains("prompts.json[0].content: null, but the column is NOT NULL"), r.err());
            assertUntouched(db, extensions);
        }
    }

    @Test
    void aDuplicateKeyStopsApplyBeforeAnyScriptRuns() throws Exception {
        shippedWith("tool_catalog", rows -> rows.add(row(rows, 1).deepCopy().put("description", "a second echo")));
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String extensions = extensions(db);
            Run r = apply(db);
            assertEquals(ExitCode.SEED_INVALID.code, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.line().contains("tool_catalog.json[2].name: same key as row 1 (echo)"), r.err());
            assertUntouched(db, extensions);
        }
    }

    @Test
    void validSeedsApplyAndTheCheckLeavesNoScratchSchema() throws Exception {
        shippedWith("tool_catalog", rows -> row(rows, 1).put("description", "Echoes, checked first"));
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Run r = apply(db);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("seeds checked against the schema of the scripts"), r.err());
            try (Connection c = db.connect()) {
                assertEquals("Echoes, checked first", query(c, "SELECT description FROM tool_catalog WHERE name = 'echo'"));
                assertEquals("5", query(c, "SELECT count(*) FROM multimodal_capabilities"));
                assertEquals("0", query(c, SCRATCH_SCHEMAS));
            }
            Run again = apply(db);
            assertEquals(0, again.code(), again.err());
            assertTrue(again.err().contains("seeds unchanged since the last run"), again.err());
            assertTrue(!again.err().contains("seeds checked"), "an unchanged seed needs no check: " + again.err());
        }
    }

    @Test
    void aRowRejectedWhenSeedingAfterTheScriptsSaysWhereTheSchemaIs() throws Exception {
        shippedWith("tool_catalog", rows -> row(rows, 0).put("cost_impact", "extreme"));
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Run schema = cli("apply", "--dsn", db.uri(), "--no-seeds");
            assertEquals(0, schema.code(), schema.err());
            // 'seed' writes without the check: the failure comes from the real, one-transaction seeding
            Run r = cli("seed", "--dsn", db.uri(), "--seeds-dir", seedsDir.toString());
            assertEquals(ExitCode.SEED_INVALID.code, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals("error: invalid seed data: tool_catalog.json row 0 (name=document_ingest): violates CHECK "
                    + "tool_catalog_cost_impact_check on tool_catalog.cost_impact "
                    + "(cost_impact = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text])); the schema is at version 1; "
                    + "the seeds were not written (one transaction); fix the data file and run 'seed'", r.line());
            try (Connection c = db.connect()) {
                assertEquals("0", query(c, "SELECT count(*) FROM tool_catalog"));
                assertEquals(null, new SeedHistory("migrator").lastFingerprint(c), "no seeding recorded");
            }
        }
    }

    /**
     * Constraints the data-file reader cannot see (here: a head schema stricter than the table objects) are judged
     * by PostgreSQL, and the message names them with their columns.
     */
    @Test
    void theDatabaseJudgesConstraintsTheTableObjectsDoNotDeclare() throws Exception {
        SchemaModel shipped = Snapshots.head(ScriptStore.load(ScriptSource.classpath(ScriptStore.CLASSPATH_PREFIX)));
        SchemaModel stricter = with(shipped, "tool_catalog", t -> new TableModel(t.name(),
                t.columns().stream().map(col -> col.name().equals("enabled")
                        ? new ColumnModel(col.name(), col.type(), true, col.defaultExpression()) : col).toList(),
                t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(), t.indexes(), t.triggers(), t.comment()));
        // a unique key the upsert's ON CONFLICT (primary key) does not cover (tool_catalog's DO NOTHING would skip it)
        stricter = with(stricter, "multimodal_capabilities", t -> new TableModel(t.name(), t.columns(), t.primaryKey(),
                with(t.uniques(), new KeyConstraint("mm_capabilities_display_name_key", List.of("display_name"))),
                t.checks(), t.foreignKeys(), t.indexes(), t.triggers(), t.comment()));

        assertRejectedBy(stricter, "tool_catalog", rows -> row(rows, 1).putNull("enabled"),
                "invalid seed data: tool_catalog.json row 1 (name=echo): violates NOT NULL on tool_catalog.enabled; "
                        + "fix the data file; nothing was applied");
        assertRejectedBy(stricter, "multimodal_capabilities", rows -> row(rows, 1).put("display_name", "DALL-E 3 Image Generation"),
                "invalid seed data: multimodal_capabilities.json row 1 (tool_id=mermaid_diagram, provider=local): violates "
                        + "UNIQUE mm_capabilities_display_name_key on multimodal_capabilities.display_name: "
                        + "Key (display_name)=(DALL-E 3 Image Generation) already exists.; fix the data file; nothing was applied");
    }

    /** The driver caches enum type OIDs per connection: a second check must not meet the first one's dropped types. */
    @Test
    void checkingTwiceOnOneDatabaseFindsNoStaleTypes() throws Exception {
        SchemaModel head = Snapshots.head(ScriptStore.load(ScriptSource.classpath(ScriptStore.CLASSPATH_PREFIX)));
        SeedStep step = new SeedStep(ApplyOptions.defaults(), null, line -> { });
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String extensions = extensions(db);
            PGSimpleDataSource ds = dataSource(db);
            step.validate(ds, step.load(), head);
            step.validate(ds, step.load(), head);
            assertUntouched(db, extensions);
        }
    }

    private static PGSimpleDataSource dataSource(TestDatabase db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        return ds;
    }

    private void assertRejectedBy(SchemaModel head, String table, Consumer<ArrayNode> edit, String message) throws Exception {
        for (String name : SeedFiles.NAMES) Files.deleteIfExists(seedsDir.resolve(name));
        shippedWith(table, edit);
        SeedStep step = new SeedStep(ApplyOptions.defaults(), seedsDir, line -> { });
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String extensions = extensions(db);
            PGSimpleDataSource ds = dataSource(db);
            MigratorException e = assertThrows(MigratorException.class, () -> step.validate(ds, step.load(), head));
            assertEquals(ExitCode.SEED_INVALID, e.exitCode());
            assertEquals(message, e.getMessage());
            assertUntouched(db, extensions);
        }
    }

    private interface TableEdit { TableModel apply(TableModel t); }

    private static SchemaModel with(SchemaModel s, String table, TableEdit edit) {
        Map<String, TableModel> tables = new TreeMap<>(s.tables());
        tables.put(table, edit.apply(tables.get(table)));
        return new SchemaModel(s.extensions(), s.enums(), tables, s.functions());
    }

    private static SortedMap<String, KeyConstraint> with(Map<String, KeyConstraint> uniques, KeyConstraint added) {
        SortedMap<String, KeyConstraint> out = new TreeMap<>(uniques);
        out.put(added.name(), added);
        return out;
    }

    private static final String SCRATCH_SCHEMAS = "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrator\\_seedcheck\\_%'";

    /** No table in public, no migrator schema (so no history rows), no scratch schema, no new extension. */
    private static void assertUntouched(TestDatabase db, String extensionsBefore) throws Exception {
        try (Connection c = db.connect()) {
            assertEquals("0", query(c, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"), "public is empty");
            assertEquals("0", query(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'migrator'"), "no history schema");
            assertEquals("0", query(c, SCRATCH_SCHEMAS), "no scratch schema left");
            assertEquals(extensionsBefore, extensions(db), "no extension left");
        }
    }

    private static String extensions(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return query(c, "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension");
        }
    }

    private static String query(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
