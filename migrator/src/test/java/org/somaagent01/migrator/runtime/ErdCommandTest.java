package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.erd.MermaidErd;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** {@code erd}: the declared schema without a database; with --dsn the live one, which after apply draws the same. */
class ErdCommandTest {
    @Test
    void declaredByDefaultAndTheLiveDatabaseAfterApplyDrawsTheSame() {
        Cli.Run declared = Cli.run("erd");
        assertEquals(0, declared.code(), declared.toString());
        assertEquals(MermaidErd.render(DeclaredSchema.soma()), declared.out());

        try (TestDatabase db = TestServer.get().createDatabase()) {
            Cli.Run empty = Cli.run("erd", "--dsn", db.uri());
            assertEquals(0, empty.code(), empty.toString());
            assertEquals("erDiagram\n", empty.out(), "an empty database has no entities");

            Cli.Run apply = Cli.run("apply", "--dsn", db.uri(), "--no-seeds");
            assertEquals(0, apply.code(), apply.toString());
            Cli.Run live = Cli.run("erd", "--dsn", db.uri());
            assertEquals(0, live.code(), live.toString());
            assertEquals(declared.out(), live.out());
            Cli.Run all = Cli.run("erd", "--dsn", db.uri(), "--all-columns");
            assertTrue(all.out().contains("        vector(384) vector\n        jsonb metadata\n"), all.out());
        }
    }

    @Test
    void anUnreachableDatabaseIsExit5() {
        Cli.Run r = Cli.run("erd", "--dsn", "postgresql://soma:secret@127.0.0.1:1/nowhere", "--connect-retries", "0");
        assertEquals(5, r.code(), r.toString());
        assertTrue(!r.err().contains("secret"), r.toString());
    }
}
