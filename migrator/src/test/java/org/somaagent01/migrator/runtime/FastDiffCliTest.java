package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * The picocli-free diff prints and exits exactly as the full command does, on real databases. {@code --lock-timeout
 * 120} (the default) is outside the fast path's options, so it forces picocli for the comparison.
 */
class FastDiffCliTest {
    private static final String[] FULL = {"--lock-timeout", "120"};

    /** Both paths on the same arguments: the same exit code, stdout and stderr. */
    private static Cli.Run same(String... args) {
        Cli.Run fast = Cli.run(args);
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of(FULL));
        assertEquals(Cli.run(full.toArray(String[]::new)).toString(), fast.toString(), String.join(" ", args));
        return fast;
    }

    @Test
    void databasesComparedAsTheFullCommandDoes() {
        try (TestDatabase a = TestServer.get().createDatabase(); TestDatabase b = TestServer.get().createDatabase()) {
            for (TestDatabase db : new TestDatabase[] {a, b}) {
                Db.exec(db, "CREATE SCHEMA s1; CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL); "
                        + "CREATE INDEX t_name ON t (name); CREATE TABLE s1.u (id integer)");
            }
            // a column, a changed index (outside a transaction: segment directives), a schema, and an aggregate the
            // model cannot express (a warning)
            Db.exec(b, "ALTER TABLE t ADD COLUMN extra integer; DROP INDEX t_name; CREATE INDEX t_name ON t (name, id); "
                    + "ALTER TABLE s1.u ADD COLUMN x text; CREATE SCHEMA s3; "
                    + "CREATE AGGREGATE my_sum(integer) (SFUNC = int4pl, STYPE = integer)");

            Cli.Run diff = same("diff", "--from", a.uri(), "--to", b.uri());
            assertEquals(0, diff.code(), diff.toString());
            assertTrue(diff.out().contains("-- migrator:segment no-transaction\nCREATE INDEX CONCURRENTLY"), diff.toString());
            assertTrue(diff.out().contains("ADD COLUMN IF NOT EXISTS extra integer;\n"), diff.toString());
            assertTrue(diff.err().contains("warning: routine public.my_sum(integer)"), diff.toString());
            assertFalse(diff.err().contains(":" + a.password() + "@") || diff.out().contains(":" + a.password() + "@"),
                    diff.toString());

            assertEquals(ExitCode.CHANGES_PENDING.code, same("diff", "--from", a.uri(), "--to", b.uri(), "--exit-code").code());
            same("diff", "--from=" + a.uri(), "--to=" + b.uri(), "--reverse", "--plain", "-q");
            Cli.Run json = same("diff", "--from", a.uri(), "--to", b.uri(), "--schema", "s1", "--exclude-schema", "s3", "--format", "json");
            // the keys in a fixed order, whatever the JVM's hash seed
            assertTrue(json.out().matches("(?s)\\{\\s*\"statements\" : \\[.*\"segments\" : \\[ \\{\\s*\"transactional\" : true,\\s*"
                    + "\"statements\" : .*\"destructive\" : false,\\s*\"outside_the_model\" : \\[ ]\\s*}\\s*"), json.toString());
            same("diff", "--from", a.uri(), "--to", b.uri(), "--with-privileges", "--schema", "public");

            Cli.Run equal = same("diff", "--from", a.uri(), "--to", a.uri(), "--exit-code");
            assertEquals(0, equal.code(), equal.toString());
            assertEquals("no differences\n", equal.err());
            same("diff", "--from", a.uri(), "--to", "empty", "--exclude-schema", "s1", "--exit-code");
        }
    }

    @Test
    void errorsAreTheFullCommandsErrors() {
        try (TestDatabase a = TestServer.get().createDatabase()) {
            String missing = a.uri().replace("/" + a.name(), "/" + a.name() + "_missing");
            Cli.Run unreachable = same("diff", "--from", a.uri(), "--to", missing);
            assertEquals(ExitCode.DB_UNREACHABLE.code, unreachable.code(), unreachable.toString());
            assertEquals(ExitCode.DB_UNREACHABLE.code, same("diff", "--from", missing, "--to", a.uri()).code());
            Cli.Run bad = same("diff", "--from", "mysql://x", "--to", a.uri());
            assertEquals(ExitCode.USAGE.code, bad.code(), bad.toString());
        }
    }
}
