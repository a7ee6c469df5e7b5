package org.somaagent01.migrator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.somaagent01.migrator.store.SqlLexer.Token;

/**
 * Splits a script into statements at top-level semicolons, skipping those inside strings (standard, {@code E''},
 * {@code U&''}), quoted identifiers, dollar-quoted bodies, comments (block comments nest), parentheses (as psql
 * does) and the {@code BEGIN ATOMIC ... END} bodies of SQL-standard functions and procedures. Needed for scripts that run outside
 * a transaction: PostgreSQL runs several statements sent at once in one implicit transaction, where
 * {@code CREATE INDEX CONCURRENTLY} is refused.
 *
 * <p>Each statement keeps the comments before it (from just after the previous semicolon), with surrounding
 * whitespace stripped and without its semicolon; a piece holding only comments or whitespace is dropped.
 */
public final class SqlStatements {
    private SqlStatements() {}

    /**
     * One statement of a script and the 1-based line of the script where its first token (after any comments)
     * stands, for messages that point at it.
     */
    public record Statement(String sql, int line) {}

    public static List<String> split(String sql) {
        return parse(sql).stream().map(Statement::sql).toList();
    }

    public static List<Statement> parse(String sql) {
        List<Token> tokens = SqlLexer.tokens(sql);
        List<Statement> out = new ArrayList<>();
        int from = 0;           // source offset where the current statement's text starts
        Token first = null;     // its first token that is not a comment
        List<Token> leading = new ArrayList<>(); // its first few words, to recognise CREATE FUNCTION
        int atomicDepth = 0;    // inside BEGIN ATOMIC: 1, plus one per open CASE
        int parenDepth = 0;     // as psql: the actions of CREATE RULE ... DO (a; b) are one statement
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == SqlLexer.Kind.SEMICOLON && atomicDepth == 0 && parenDepth == 0) {
                add(out, sql, from, t.start(), first);
                from = t.end();
                first = null;
                leading.clear();
                continue;
            }
            if (t.isPunct('(')) parenDepth++;
            if (t.isPunct(')') && parenDepth > 0) parenDepth--;
            if (t.isComment()) continue;
            if (first == null) first = t;
            if (leading.size() < 4) leading.add(t);
            if (t.kind() != SqlLexer.Kind.WORD || !createsRoutine(leading)) continue;
            if (atomicDepth == 0) {
                if (t.is("BEGIN") && nextCode(tokens, i).map(n -> n.is("ATOMIC")).orElse(false)) atomicDepth = 1;
            } else if (t.is("CASE")) {
                atomicDepth++;
            } else if (t.is("END")) {
                atomicDepth--;
            }
        }
        add(out, sql, from, sql.length(), first);
        return out;
    }

    /** CREATE [OR REPLACE] FUNCTION|PROCEDURE: the statements whose body may be BEGIN ATOMIC ... END. */
    private static boolean createsRoutine(List<Token> leading) {
        if (leading.size() < 2 || !leading.get(0).is("CREATE")) return false;
        int k = leading.get(1).is("OR") ? 3 : 1;
        if (k == 3 && (leading.size() < 4 || !leading.get(2).is("REPLACE"))) return false;
        return k < leading.size() && (leading.get(k).is("FUNCTION") || leading.get(k).is("PROCEDURE"));
    }

    private static Optional<Token> nextCode(List<Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).isComment()) return Optional.of(tokens.get(j));
        }
        return Optional.empty();
    }

    private static void add(List<Statement> out, String sql, int from, int to, Token first) {
        if (first == null) return; // only comments or whitespace
        out.add(new Statement(sql.substring(from, to).strip(), first.line()));
    }
}
