package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** Two databases that differ only where the model cannot look: diff says so and exits 3, never "no differences". */
class DiffOutsideTheModelTest {
    @Test
    void aViewOnOneSideIsADifference() {
        try (TestDatabase a = TestServer.get().createDatabase(); TestDatabase b = TestServer.get().createDatabase()) {
            for (TestDatabase db : new TestDatabase[] {a, b}) Db.exec(db, "CREATE TABLE t (id integer PRIMARY KEY)");
            Db.exec(b, "CREATE VIEW v_t AS SELECT id FROM t");
            Db.exec(b, "COMMENT ON VIEW v_t IS 'outside'");
            Db.exec(b, "ALTER TABLE t ADD CONSTRAINT t_id_positive CHECK (id > 0) NOT VALID");
            Db.exec(a, "ALTER TABLE t ADD CONSTRAINT t_id_positive CHECK (id > 0)");

            Cli.Run diff = Cli.run("diff", "--from", a.uri(), "--to", b.uri(), "--exit-code");
            assertEquals(ExitCode.CHANGES_PENDING.code, diff.code(), diff.toString());
            // the view is in the model now, its comment is not (named with its schema: two databases compare every schema)
            assertTrue(diff.out().contains("CREATE OR REPLACE VIEW v_t"), diff.toString());
            assertTrue(diff.err().contains("view comment public.v_t: outside") && diff.err().contains("not compared"), diff.toString());
            // NOT VALID is in the model now: expressed as DDL, not only reported
            assertTrue(diff.out().contains("ADD CONSTRAINT t_id_positive CHECK ((id > 0)) NOT VALID"), diff.toString());
            assertTrue(!diff.err().contains("no differences"), diff.toString());

            Cli.Run same = Cli.run("diff", "--from", b.uri(), "--to", b.uri(), "--exit-code");
            assertEquals(0, same.code(), same.toString());
            assertTrue(same.err().contains("no differences"), same.toString());
        }
    }
}
