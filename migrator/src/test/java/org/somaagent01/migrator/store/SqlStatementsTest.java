package org.somaagent01.migrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.fidelity.Fixtures;

class SqlStatementsTest {
    @Test
    void splitsOnlyAtTopLevelSemicolons() {
        String sql = """
                -- header; with a semicolon
                CREATE TABLE "a;b" (x text DEFAULT 'it''s; here');
                /* block; comment */ CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN NEW.x = 'y;'; RETURN NEW; END;
                $body$;
                DO $$ BEGIN PERFORM 1; END $$;
                SELECT $1;
                """;
        List<String> statements = SqlStatements.split(sql);
        assertEquals(4, statements.size(), statements.toString());
        assertEquals("CREATE TABLE \"a;b\" (x text DEFAULT 'it''s; here')", statements.get(0).lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("DO $$ BEGIN PERFORM 1; END $$", statements.get(2));
        assertEquals("SELECT $1", statements.get(3));
    }

    @Test
    void theShippedScriptsSplitIntoTheirStatements() {
        MigrationScript initial = Fixtures.shippedScripts().get(0);
        List<String> statements = SqlStatements.split(initial.upSql());
        // one per paragraph of the generated script, each paragraph ending in ";\n\n"
        assertEquals(initial.upSql().split(";\\n\\n").length, statements.size());
        assertEquals("CREATE EXTENSION IF NOT EXISTS vector", statements.get(0).lines().reduce((a, b) -> b).orElseThrow());
    }
}
