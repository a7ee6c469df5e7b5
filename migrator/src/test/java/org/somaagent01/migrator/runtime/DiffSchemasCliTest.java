package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** diff of two databases covers every user schema; --schema and --exclude-schema narrow it. */
class DiffSchemasCliTest {
    private static void both(TestDatabase a, TestDatabase b, String sql) {
        Db.exec(a, sql);
        Db.exec(b, sql);
    }

    @Test
    void everySchemaIsComparedAndTheFlagsNarrowIt() {
        try (TestDatabase a = TestServer.get().createDatabase(); TestDatabase b = TestServer.get().createDatabase()) {
            both(a, b, "CREATE SCHEMA s1; CREATE SCHEMA s2; CREATE TABLE s1.t1 (id integer); CREATE TABLE s2.t2 (id integer)");
            Db.exec(b, "ALTER TABLE s1.t1 ADD COLUMN x text; ALTER TABLE s2.t2 ADD COLUMN y text; CREATE SCHEMA s3");

            Cli.Run all = Cli.run("diff", "--from", a.uri(), "--to", b.uri(), "--exit-code");
            assertEquals(ExitCode.CHANGES_PENDING.code, all.code(), all.toString());
            assertTrue(all.out().contains("CREATE SCHEMA IF NOT EXISTS s3;"), all.toString());
            assertTrue(all.out().indexOf("SET search_path TO s1;") < all.out().indexOf("ALTER TABLE t1 ADD COLUMN IF NOT EXISTS x text;"), all.toString());
            assertTrue(all.out().indexOf("SET search_path TO s2;") < all.out().indexOf("ALTER TABLE t2 ADD COLUMN IF NOT EXISTS y text;"), all.toString());
            assertTrue(all.out().contains("RESET search_path;"), all.toString());

            Cli.Run only = Cli.run("diff", "--from", a.uri(), "--to", b.uri(), "--schema", "s1");
            assertEquals(0, only.code(), only.toString());
            assertTrue(only.out().contains("ADD COLUMN IF NOT EXISTS x text"), only.toString());
            assertFalse(only.out().contains("t2") || only.out().contains("s3"), only.toString());

            Cli.Run without = Cli.run("diff", "--from", a.uri(), "--to", b.uri(), "--exclude-schema", "s1",
                    "--exclude-schema", "s3", "--format", "json");
            assertEquals(0, without.code(), without.toString());
            assertTrue(without.out().contains("ADD COLUMN IF NOT EXISTS y text"), without.toString());
            assertFalse(without.out().contains("t1"), without.toString());

            Cli.Run same = Cli.run("diff", "--from", a.uri(), "--to", b.uri(), "--schema", "public", "--exit-code");
            assertEquals(0, same.code(), same.toString());
            assertTrue(same.err().contains("no differences"), same.toString());

            // the way back drops the schema that came: destructive
            Cli.Run back = Cli.run("diff", "--from", b.uri(), "--to", a.uri(), "--format", "json");
            assertTrue(back.out().contains("DROP SCHEMA IF EXISTS s3 RESTRICT"), back.toString());
            assertTrue(back.out().replace(" ", "").contains("\"destructive\":true"), back.toString());
        }
    }

    @Test
    void againstOneSchemaTheOtherSchemasAreReportedUnlessExcluded() {
        try (TestDatabase a = TestServer.get().createDatabase()) {
            Db.exec(a, "CREATE SCHEMA s1; CREATE SCHEMA s2; CREATE TABLE s1.t1 (id integer); CREATE TABLE s2.t2 (id integer)");
            Cli.Run run = Cli.run("diff", "--from", a.uri(), "--to", "empty", "--exclude-schema", "s2", "--exit-code");
            assertEquals(ExitCode.CHANGES_PENDING.code, run.code(), run.toString());
            assertTrue(run.err().contains("other schema s1"), run.toString());
            assertFalse(run.err().contains("other schema s2"), run.toString());
        }
    }
}
