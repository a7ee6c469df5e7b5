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

    private static List<String> split(String sql) {
        return SqlStatements.split(sql);
    }

    @Test
    void escapeStringsTreatBackslashAsAnEscape() {
        assertEquals(List.of("SELECT E'it\\'s; here'", "SELECT 2"), split("SELECT E'it\\'s; here'; SELECT 2;"));
        assertEquals(List.of("SELECT e'a\\\\'", "SELECT ';'"), split("SELECT e'a\\\\'; SELECT ';'"));
        assertEquals(List.of("SELECT E'x''; y'", "SELECT 3"), split("SELECT E'x''; y'; SELECT 3"));
    }

    @Test
    void standardStringsKeepBackslashLiteral() {
        assertEquals(List.of("SELECT 'a\\'", "SELECT 'b'"), split("SELECT 'a\\'; SELECT 'b'"));
        assertEquals(List.of("SELECT 'it''s; x'", "SELECT 1"), split("SELECT 'it''s; x'; SELECT 1"));
    }

    @Test
    void unicodeStringsAndIdentifiers() {
        assertEquals(List.of("SELECT U&'d\\0061t; a'", "SELECT U&\"a;\"\"b\"", "SELECT 1"),
                split("SELECT U&'d\\0061t; a'; SELECT U&\"a;\"\"b\"; SELECT 1"));
    }

    @Test
    void quotedIdentifiersDoubleTheirQuotes() {
        assertEquals(List.of("SELECT \"a\"\";b\"", "SELECT 1"), split("SELECT \"a\"\";b\"; SELECT 1"));
    }

    @Test
    void blockCommentsNest() {
        assertEquals(List.of("/* a /* b */ ; */ SELECT 1", "SELECT 2"), split("/* a /* b */ ; */ SELECT 1; SELECT 2;"));
        assertEquals(List.of("SELECT 1 /* x /* y /* z */ ; */ ; */ + 1"), split("SELECT 1 /* x /* y /* z */ ; */ ; */ + 1;"));
    }

    @Test
    void lineCommentsHideSemicolonsAndQuotes() {
        assertEquals(List.of("SELECT 1 -- not the end; nor ' this\n+ 1", "SELECT 2"),
                split("SELECT 1 -- not the end; nor ' this\n+ 1; SELECT 2"));
    }

    @Test
    void dollarQuotesWithTagsNestOtherTags() {
        String body = "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$ BEGIN RETURN $x$;$$;$x$; END $fn$";
        assertEquals(List.of(body, "SELECT 1"), split(body + "; SELECT 1;"));
        assertEquals(List.of("SELECT $$a;b$$", "SELECT $_t1$;$_t1$"), split("SELECT $$a;b$$; SELECT $_t1$;$_t1$"));
    }

    @Test
    void parametersAndIdentifiersWithDollarsAreNotQuotes() {
        assertEquals(List.of("SELECT $1, $2", "SELECT a$b, c$$ FROM t", "SELECT 3"),
                split("SELECT $1, $2; SELECT a$b, c$$ FROM t; SELECT 3"));
    }

    @Test
    void beginAtomicBodiesStayWhole() {
        String fn = """
                CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN x > 0 THEN 1 ELSE CASE x WHEN 0 THEN 0 END END;
                    SELECT 2;
                END""";
        String proc = "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END";
        assertEquals(List.of(fn, proc, "SELECT 3"), split(fn + ";\n" + proc + "; SELECT 3;"));
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
        assertEquals(List.of(rule, "SELECT 1"), split(rule + "; SELECT 1;"));
        assertEquals(List.of("SELECT 1)", "SELECT 2"), split("SELECT 1); SELECT 2")); // a stray ")" does not count
    }

    @Test
    void beginOutsideRoutinesIsATransaction() {
        assertEquals(List.of("BEGIN", "SELECT CASE WHEN true THEN 1 END", "END"),
                split("BEGIN; SELECT CASE WHEN true THEN 1 END; END;"));
    }

    @Test
    void commentOnlyPiecesAreDroppedAndLeadingCommentsKept() {
        assertEquals(List.of("-- one\nSELECT 1", "/* two */ SELECT 2"),
                split("-- one\nSELECT 1;\n/* two */ SELECT 2;\n/* trailing; */ -- end\n;;  \n-- last"));
        assertEquals(List.of(), split("/* only */ -- comments\n ; \n"));
    }

    @Test
    void unterminatedQuotesRunToTheEnd() {
        assertEquals(List.of("SELECT 'open; SELECT 2;"), split("SELECT 'open; SELECT 2;"));
        assertEquals(List.of("SELECT 1 /* open; */"), split("SELECT 1 /* open; */"));
    }

    @Test
    void parseGivesTheLineOfTheFirstToken() {
        List<SqlStatements.Statement> statements = SqlStatements.parse(
                "-- header\n\nSELECT 1;\n/* a\n b */\n  SELECT\n2; SELECT 'x\ny'; SELECT 4");
        assertEquals(List.of(new SqlStatements.Statement("-- header\n\nSELECT 1", 3),
                new SqlStatements.Statement("/* a\n b */\n  SELECT\n2", 6),
                new SqlStatements.Statement("SELECT 'x\ny'", 7),
                new SqlStatements.Statement("SELECT 4", 8)), statements);
    }
}
