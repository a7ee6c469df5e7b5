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
            Db.exec(b, "COMMENT ON VIEW v_t IS 'inside now'");
            Db.exec(b, "CREATE AGGREGATE my_sum(integer) (SFUNC = int4pl, STYPE = integer)");
            Db.exec(b, "GRANT SELECT ON t TO PUBLIC");
            Db.exec(b, "ALTER TABLE t ADD CONSTRAINT t_id_positive CHECK (id > 0) NOT VALID");
            Db.exec(a, "ALTER TABLE t ADD CONSTRAINT t_id_positive CHECK (id > 0)");

            Cli.Run diff = Cli.run("diff", "--from", a.uri(), "--to", b.uri(), "--exit-code");
            assertEquals(ExitCode.CHANGES_PENDING.code, diff.code(), diff.toString());
            // the view and its comment are in the model now, an aggregate is not; privileges only with --with-privileges
            assertTrue(diff.out().contains("CREATE OR REPLACE VIEW v_t"), diff.toString());
            assertTrue(diff.out().contains("COMMENT ON VIEW v_t IS 'inside now'"), diff.toString());
            assertTrue(diff.err().contains("routine public.my_sum(integer)") && diff.err().contains("not compared"), diff.toString());
            assertTrue(diff.err().contains("privileges public.t: "), diff.toString());
            assertTrue(!diff.out().contains("GRANT"), diff.toString());
            Cli.Run withPrivileges = Cli.run("diff", "--from", a.uri(), "--to", b.uri(), "--with-privileges");
            assertTrue(withPrivileges.out().contains("GRANT SELECT ON TABLE t TO PUBLIC;"), withPrivileges.toString());
            assertTrue(!withPrivileges.err().contains("privileges public.t"), withPrivileges.toString());
            // NOT VALID is in the model now: expressed as DDL, not only reported
            assertTrue(diff.out().contains("ADD CONSTRAINT t_id_positive CHECK ((id > 0)) NOT VALID"), diff.toString());
            assertTrue(!diff.err().contains("no differences"), diff.toString());

            Cli.Run same = Cli.run("diff", "--from", b.uri(), "--to", b.uri(), "--exit-code");
            assertEquals(0, same.code(), same.toString());
            assertTrue(same.err().contains("no differences"), same.toString());
        }
    }
}
