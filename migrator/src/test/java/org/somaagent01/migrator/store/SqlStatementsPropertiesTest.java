package org.somaagent01.migrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/** Statements full of quotes, comments and bodies come back whole from a script that joins them. */
class SqlStatementsPropertiesTest {
    /** One statement, the whitespace and comments written before it, and whether a semicolon ends the script. */
    record Script(List<String> statements, List<String> separators, boolean finalSemicolon, String trailer) {
        String text() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0) out.append(";\n");
                out.append(separators.get(i)).append(statements.get(i));
            }
            if (finalSemicolon) out.append(';').append(trailer);
            return out.toString();
        }

        List<SqlStatements.Statement> expected() {
            List<SqlStatements.Statement> out = new ArrayList<>();
            int offset = 0;
            String text = text();
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0) offset += 2;
                offset += separators.get(i).length();
                int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
                out.add(new SqlStatements.Statement((separators.get(i) + statements.get(i)).strip(), line));
                offset += statements.get(i).length();
            }
            return out;
        }
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void joinedStatementsSplitBackExactly(@ForAll("scripts") Script script) {
        assertEquals(script.expected(), SqlStatements.parse(script.text()), script.text());
        assertEquals(script.expected().stream().map(SqlStatements.Statement::sql).toList(), SqlStatements.split(script.text()));
    }

    @Property(tries = 200)
    void everyTrickyFragmentIsOneToken(@ForAll("quoted") String fragment) {
        List<SqlLexer.Token> tokens = SqlLexer.tokens(fragment.strip());
        assertEquals(1, tokens.size(), fragment);
        assertEquals(fragment.strip(), tokens.get(0).text());
    }

    @Provide
    Arbitrary<Script> scripts() {
        Arbitrary<List<String>> statements = statement().list().ofMinSize(1).ofMaxSize(5);
        return statements.flatMap(list -> Combinators.combine(separator().list().ofSize(list.size()),
                        Arbitraries.of(true, false), comments().list().ofMaxSize(2).map(l -> String.join("", l)))
                .as((seps, semicolon, trailer) -> new Script(list, seps, semicolon, trailer)));
    }

    private static Arbitrary<String> statement() {
        return Arbitraries.frequencyOf(Tuple.of(3, plainStatement()), Tuple.of(1, atomicRoutine()));
    }

    private static Arbitrary<String> plainStatement() {
        Arbitrary<String> lead = Arbitraries.of("SELECT", "INSERT INTO t VALUES", "UPDATE t SET a =",
                "CREATE TABLE \"x\" AS SELECT", "DO", "COMMENT ON TABLE t IS");
        return Combinators.combine(lead, fragments().list().ofMinSize(1).ofMaxSize(8))
                .as((l, f) -> l + " " + String.join(" ", f) + " 1");
    }

    /** CREATE FUNCTION|PROCEDURE ... BEGIN ATOMIC stmt; ... END, with CASE ... END inside. */
    private static Arbitrary<String> atomicRoutine() {
        Arbitrary<String> head = Arbitraries.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql",
                "create or replace function g(a int) returns int", "CREATE OR REPLACE PROCEDURE p()",
                "Create Procedure s.q(x text)");
        Arbitrary<String> cases = Arbitraries.of("", " CASE WHEN a THEN 1 END", " case a when 1 then case b when 2 then 3 end end",
                " (CASE WHEN x THEN ';' ELSE 'END' END)");
        Arbitrary<String> bodyStatement = Combinators.combine(fragments().list().ofMaxSize(4), cases)
                .as((f, c) -> "SELECT " + String.join(" ", f) + c + " 2;");
        Arbitrary<String> between = Arbitraries.of(" ", "\n", " /* ; */ ", " -- ;\n");
        return Combinators.combine(head, between, bodyStatement.list().ofMinSize(1).ofMaxSize(3), between)
                .as((h, b, body, b2) -> h + " BEGIN" + b + "ATOMIC " + String.join(b2, body) + b2 + "END");
    }

    private static Arbitrary<String> separator() {
        Arbitrary<String> one = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(" ", "\n", "\t", "\r\n", "")),
                Tuple.of(2, comments()));
        return one.list().ofMaxSize(4).map(l -> String.join("", l));
    }

    private static Arbitrary<String> comments() {
        return Arbitraries.oneOf(blockComment(2), lineComment());
    }

    @Provide
    Arbitrary<String> quoted() {
        return Arbitraries.oneOf(standardString(), escapeString(), unicodeString(), quotedIdentifier(), dollarQuoted(),
                blockComment(3), lineComment(), Arbitraries.of("a$b", "x", "t1", "$1", "$23", "c$$", "ü", "1.5", "1e3"));
    }

    private static Arbitrary<String> fragments() {
        return Arbitraries.frequencyOf(Tuple.of(4, new SqlStatementsPropertiesTest().quoted()),
                Tuple.of(1, Arbitraries.of("(1)", "(a; b)", "((x;) ;)", ",", "+", "::", "=", "[", "]", "*", "-", "/")));
    }

    private static Arbitrary<String> joined(String... pieces) {
        return Arbitraries.of(pieces).list().ofMaxSize(8).map(l -> String.join("", l));
    }

    private static Arbitrary<String> standardString() {
        return joined("a", ";", "''", "\\", "\"", "$$", "$x$", "--", "/*", "*/", " ", "\n", "E", "é").map(s -> "'" + s + "'");
    }

    private static Arbitrary<String> escapeString() {
        return Combinators.combine(Arbitraries.of("E", "e"),
                        joined("a", ";", "\\'", "\\\\", "''", "\"", "$$", "--", "/*", " ", "\\n", "\\x41"))
                .as((e, s) -> e + "'" + s + "'");
    }

    private static Arbitrary<String> unicodeString() {
        return Combinators.combine(Arbitraries.of("U&", "u&"), joined("a", ";", "\\0061", "''", "\"", "--"))
                .as((u, s) -> u + "'" + s + "'");
    }

    private static Arbitrary<String> quotedIdentifier() {
        return joined("a", ";", "\"\"", "'", "$$", "--", "/*", " ", "B").map(s -> "\"" + s + "\"");
    }

    private static Arbitrary<String> dollarQuoted() {
        Arbitrary<String> tag = Arbitraries.of("", "body", "x", "_a1", "fn", "Ü");
        Arbitrary<String> content = joined("a", ";", "'", "\"", "$$", "$x$", "$body$", "$1", "$", "--", "/*", "*/",
                "\n", " ", "END");
        return Combinators.combine(tag, content).as((t, c) -> Tuple.of("$" + t + "$", c))
                .filter(p -> (p.get2() + p.get1()).indexOf(p.get1()) == p.get2().length())
                .map(p -> p.get1() + p.get2() + p.get1());
    }

    private static Arbitrary<String> blockComment(int depth) {
        Arbitrary<String> text = Arbitraries.of("a", ";", "'", "\"", "$$", "--", "\n", "CASE", "END");
        Arbitrary<String> piece = depth == 0 ? text : Arbitraries.frequencyOf(Tuple.of(3, text), Tuple.of(1, blockComment(depth - 1)));
        return piece.list().ofMaxSize(5).map(l -> "/* " + String.join(" ", l) + " */");
    }

    private static Arbitrary<String> lineComment() {
        return joined("a", ";", "'", "\"", "$$", "/*", "*/", " ", "END").map(s -> "-- " + s + "\n");
    }
}
