package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jetbrains.exposed.v1.core.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.generate.ScriptGenerator;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.RenderMode;
import org.somaagent01.schema.pg.PgTable;
import org.somaagent01.schema.pg.SchemaDeclaration;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * A generated column whose expression changes is dropped and added again, the drop guarded inside a DO block:
 * apply counts the values it drops like any other dropped column's, and refuses without --allow-destructive.
 */
class ReplacedGeneratedColumnApplyTest {
    @TempDir Path dir;

    static final class T1 extends PgTable {
        final Column<Integer> id = integer("id");
        final Column<Integer> doubled;

        T1(String expression) {
            super("t1");
            doubled = generatedAlways(integer("doubled"), expression);
            primaryKey("t1_pkey", id);
        }
    }

    private static SchemaModel declared(String expression) {
        return DeclaredSchema.toModel(new SchemaDeclaration(List.of(), List.of(), List.of(new T1(expression)), List.of(), List.of()));
    }

    @Test
    void applyRefusesToReplaceAGeneratedColumnWithValuesUnlessAllowed() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Fixtures.table(dir, 1, "t1");
            Fixtures.script(dir, 2, "add_doubled", "ALTER TABLE t1 ADD COLUMN doubled integer GENERATED ALWAYS AS (id * 2) STORED;\n",
                    "ALTER TABLE t1 DROP COLUMN doubled;\n");
            String[] apply = {"apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds", "--quiet"};
            assertEquals(0, Cli.run(apply).code());
            Db.exec(db, "INSERT INTO t1 VALUES (1), (2)");

            ScriptGenerator.Texts texts = ScriptGenerator.texts("0003_triple",
                    Differ.diff(declared("(id * 2)"), declared("(id * 3)")), RenderMode.ONLINE);
            assertTrue(texts.up().contains("DO $$") && texts.up().contains("DROP COLUMN doubled"), texts.up());
            Fixtures.script(dir, 3, "triple", texts.up(), texts.down());
            String before = Db.state(db);

            Cli.Run refused = Cli.run(apply);
            assertEquals(ExitCode.DESTRUCTIVE_REFUSED.code, refused.code(), refused.toString());
            assertEquals(1, refused.errLines().size(), refused.toString());
            String line = refused.errLines().get(0);
            assertTrue(line.contains("0003_triple: column t1.doubled (2 values)") && line.contains("--allow-destructive"), line);
            assertEquals(before, Db.state(db), "database changed");

            assertEquals(0, Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds", "--quiet",
                    "--allow-destructive").code());
            assertEquals(List.of("3", "6"), Db.rows(db, "SELECT doubled FROM t1 ORDER BY id"));
        }
    }
}
