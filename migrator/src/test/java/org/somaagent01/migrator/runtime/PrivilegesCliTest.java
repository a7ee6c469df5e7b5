package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** verify and plan take --with-privileges: a grant made by hand is drift with it, outside the model without it. */
class PrivilegesCliTest {
    @Test
    void aGrantByHandIsReportedEitherWayAndExpressedAsDdlOnlyWithTheFlag() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Cli.Run apply = Cli.run("apply", "--dsn", db.uri());
            assertEquals(0, apply.code(), apply.toString());
            Db.exec(db, "GRANT SELECT ON task_registry TO PUBLIC");

            Cli.Run plain = Cli.run("verify", "--dsn", db.uri());
            assertEquals(ExitCode.CHANGES_PENDING.code, plain.code(), plain.toString());
            assertTrue(plain.out().contains("privileges task_registry") && !plain.out().contains("REVOKE"), plain.toString());

            Cli.Run modelled = Cli.run("verify", "--dsn", db.uri(), "--with-privileges");
            assertEquals(ExitCode.CHANGES_PENDING.code, modelled.code(), modelled.toString());
            assertTrue(modelled.out().contains("REVOKE SELECT ON TABLE task_registry FROM PUBLIC"), modelled.toString());
            assertTrue(!modelled.out().contains("privileges task_registry"), modelled.toString());

            Cli.Run plan = Cli.run("plan", "--dsn", db.uri(), "--with-privileges");
            assertEquals(0, plan.code(), plan.toString());
            assertTrue(plan.err().contains("REVOKE SELECT ON TABLE task_registry FROM PUBLIC"), plan.toString());

            Db.exec(db, "REVOKE SELECT ON task_registry FROM PUBLIC");
            Cli.Run clean = Cli.run("verify", "--dsn", db.uri(), "--with-privileges");
            assertEquals(0, clean.code(), clean.toString());
        }
    }
}
