package org.somaagent01.migrator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.cli.Main;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.fidelity.Fixtures;
import org.somaagent01.migrator.generate.ScriptGenerator;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * The workflow of the README end to end: change the declared schema, generate the next script, apply it, roll it
 * back with down, apply it again. The change adds a column with an index to a table holding rows, and an enum value
 * in the middle of a type (a script that must run outside a transaction).
 */
class MigrationWorkflowTest {
    @TempDir
    Path dir;

    private static SchemaModel withOwnerAndEnterpriseTier(SchemaModel v1) {
        TableModel registry = v1.tables().get("task_registry");
        List<ColumnModel> columns = new ArrayList<>(registry.columns());
        columns.add(new ColumnModel("owner", "text", false, "'nobody'::text"));
        TreeMap<String, IndexModel> indexes = new TreeMap<>(registry.indexes());
        indexes.put("ix_task_registry_owner", new IndexModel("ix_task_registry_owner", false, "btree",
                List.of(new IndexModel.IndexKey("owner", null, false)), Map.of(), "(owner <> 'nobody'::text)"));
        TableModel changed = new TableModel(registry.name(), columns, registry.primaryKey(), registry.uniques(),
                registry.checks(), registry.foreignKeys(), indexes, registry.triggers(), registry.comment());
        TreeMap<String, TableModel> tables = new TreeMap<>(v1.tables());
        tables.put(changed.name(), changed);
        TreeMap<String, EnumType> enums = new TreeMap<>(v1.enums());
        enums.put("cost_tier", new EnumType("cost_tier", List.of("free", "low", "medium", "high", "enterprise", "premium")));
        return new SchemaModel(v1.extensions(), enums, tables, v1.functions());
    }

    private static String cli(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true), Map.of());
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, all);
        return all;
    }

    @Test
    void changeGenerateApplyDownApplyAgain() throws Exception {
        MigrationScript shipped = Fixtures.shippedScripts().get(0);
        ScriptStore.write(dir, 1, shipped.name(), shipped.upSql(), shipped.downSql(), shipped.snapshotJson());
        SchemaModel v1 = DeclaredSchema.soma();
        SchemaModel v2 = withOwnerAndEnterpriseTier(v1);

        ScriptGenerator.Result generated = ScriptGenerator.generate(dir, "task_owner", v2, Renames.NONE);
        assertEquals("0002_task_owner", generated.written());
        MigrationScript second = ScriptStore.load(org.somaagent01.migrator.store.ScriptSource.directory(dir)).get(1);
        // the enum value is added in a segment of its own, committed before the segment that uses it
        var segments = second.up().segments();
        assertTrue(segments.size() >= 2, second.upSql());
        // online by default: only the concurrent index build runs outside a transaction
        assertTrue(segments.stream().filter(sg -> !sg.transactional())
                .allMatch(sg -> sg.sql().startsWith("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_task_registry_owner")), second.upSql());
        var enumSegment = segments.stream().filter(sg -> !sg.facts().get(0).addedEnumValues().isEmpty()).findFirst().orElseThrow();
        assertEquals(1, enumSegment.statements().size(), second.upSql());
        assertEquals(segments.size(), second.down().segments().size(), second.downSql());

        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            String[] common = {"--dsn", db.uri(), "--dir", dir.toString()};
            cli(0, concat(new String[] {"apply", "--target", "1", "--no-seeds"}, common));
            Fixtures.execute(c, "INSERT INTO task_registry (name, kind, module_path, callable, queue) "
                    + "VALUES ('t1', 'task', 'm', 'c', 'q'), ('t2', 'tool', 'm', 'c', 'q')");

            cli(0, concat(new String[] {"apply", "--no-seeds"}, common));
            assertEquals(v2, Fixtures.inspect(c));
            Fixtures.execute(c, "UPDATE task_registry SET owner = 'ops' WHERE name = 't1';"
                    + "UPDATE multimodal_capabilities SET cost_tier = 'enterprise'");

            String refused = cli(7, concat(new String[] {"down", "--steps", "1"}, common));
            assertTrue(refused.contains("column task_registry.owner (2 values)"), refused);
            cli(0, concat(new String[] {"down", "--steps", "1", "--force"}, common));
            assertEquals(v1, Fixtures.inspect(c));
            assertEquals(2, count(c, "SELECT count(*) FROM task_registry"), "rows survive the down");

            cli(0, concat(new String[] {"apply", "--no-seeds"}, common));
            assertEquals(v2, Fixtures.inspect(c));
            assertEquals(2, count(c, "SELECT count(*) FROM task_registry WHERE owner = 'nobody'"), "default refills the column");
        }
    }

    private static int count(Connection c, String sql) throws Exception {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
