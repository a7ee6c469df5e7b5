package org.somaagent01.migrator.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.somaagent01.migrator.store.ScriptBody;
import org.somaagent01.migrator.store.Segment;
import org.somaagent01.migrator.store.SqlLexer;
import org.somaagent01.migrator.store.SqlLexer.Kind;
import org.somaagent01.migrator.store.SqlLexer.Token;
import org.somaagent01.migrator.store.SqlStatements;
import org.somaagent01.migrator.store.StatementClassifier;

/**
 * Reads one script's statements for the lock each takes, whether it scans or rewrites its table, and the hazards
 * of {@link LintRule}, from their tokens ({@link SqlLexer}); the kind and tables come from
 * {@link StatementClassifier}. The DDL inside a DO block (as {@code generate} wraps ADD CONSTRAINT) is read too.
 * What the script did before a statement counts: a table it created is used by no one yet (no lock hazard), a
 * NOT NULL proven by a validated CHECK needs no scan, an enum value it added is unusable until its segment commits.
 */
public final class Linter {
    /** One statement as lint sees it. */
    public record Linted(String file, int line, String kind, List<String> tables, Lock lock, Effect effect,
                         List<Finding> findings) {}

    /** One hazard of one statement; acknowledged by a {@code -- migrator:lint-ok} line of the script. */
    public record Finding(LintRule rule, String table, boolean acknowledged) {}

    private final String file;
    private final Acknowledgements acks;
    private final Set<String> created = new HashSet<>();
    private final Set<String> provenNotNull = new HashSet<>();
    // NOT VALID CHECKs of the form (col IS NOT NULL): constraint -> "table.col"
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> labelsInSegment = new HashSet<>();

    private Linter(String file, Acknowledgements acks) {
        this.file = file;
        this.acks = acks;
    }

    /** One line per hazard not acknowledged, for the lint section of plan and generate: where, rule, what instead. */
    public static List<String> findingLines(String fileName, String sql) {
        List<String> out = new java.util.ArrayList<>();
        for (Linted l : lint(fileName, sql)) {
            for (Finding f : l.findings()) {
                if (!f.acknowledged()) out.add(l.file() + ":" + l.line() + " " + f.rule().id() + ": " + f.rule().hazard
                        + "; instead: " + f.rule().alternative);
            }
        }
        return out;
    }

    public static List<Linted> lint(String fileName, String sql) {
        ScriptBody body = ScriptBody.parse(fileName, sql);
        Linter linter = new Linter(fileName, Acknowledgements.parse(fileName, sql));
        List<Linted> out = new ArrayList<>();
        for (Segment segment : body.segments()) {
            linter.labelsInSegment.clear();
            for (SqlStatements.Statement s : segment.statements()) out.add(linter.statement(s, segment.transactional()));
        }
        return out;
    }

    private Linted statement(SqlStatements.Statement s, boolean transactional) {
        String kind = StatementClassifier.classify(s.sql()).kind();
        Result r = new Result();
        if (kind.equals("DO")) {
            for (String inner : innerStatements(s.sql())) read(inner, r);
        } else {
            read(s.sql(), r);
        }
        if (transactional) usesNewLabel(s.sql(), r);
        List<Finding> findings = new ArrayList<>();
        for (Hazard h : r.hazards) findings.add(new Finding(h.rule(), h.table(), acks.covers(h.rule(), s.line(), kind)));
        return new Linted(file, s.line(), kind, List.copyOf(r.tables), r.lock, r.effect, findings);
    }

    private record Hazard(LintRule rule, String table) {}

    private static final class Result {
        Lock lock = Lock.NONE;
        Effect effect = Effect.NONE;
        final Set<String> tables = new java.util.LinkedHashSet<>();
        final List<Hazard> hazards = new ArrayList<>();

        void on(String table, Lock l, Effect e) {
            if (table != null) tables.add(table);
            lock = lock.max(l);
            effect = effect.max(e);
        }
    }

    /** One statement (not a DO block). */
    private void read(String sql, Result r) {
        List<Token> t = code(sql);
        String kind = StatementClassifier.classify(sql).kind();
        List<String> relations = StatementClassifier.classify(sql).relations();
        String table = relations.isEmpty() ? null : relations.get(0);
        boolean existing = table != null && !created.contains(key(table));
        switch (kind) {
            // a materialized view the script created is as new as a table it created (its indexes follow it)
            case "CREATE MATERIALIZED VIEW":
            case "CREATE TABLE": {
                int i = indexOf(t, kind.equals("CREATE TABLE") ? "TABLE" : "VIEW") + 1;
                if (indexOf(t, "IF", "NOT", "EXISTS") == i) i += 3;
                StringBuilder name = new StringBuilder();
                while (i < t.size() && isName(t.get(i))) {
                    name.append(SqlLexer.identifier(t.get(i)));
                    if (i + 1 < t.size() && t.get(i + 1).isPunct('.')) name.append('.');
                    else break;
                    i += 2;
                }
                if (name.length() > 0) created.add(key(name.toString()));
                break;
            }
            case "CREATE INDEX": {
                boolean concurrently = has(t, "CONCURRENTLY");
                if (!existing) break;
                r.on(table, concurrently ? Lock.SHARE_UPDATE_EXCLUSIVE : Lock.SHARE, Effect.SCAN);
                if (!concurrently) r.hazards.add(new Hazard(LintRule.REQUIRE_CONCURRENT_INDEX_CREATION, table));
                break;
            }
            case "DROP INDEX": {
                boolean concurrently = has(t, "CONCURRENTLY");
                r.on(table, concurrently ? Lock.SHARE_UPDATE_EXCLUSIVE : Lock.ACCESS_EXCLUSIVE, Effect.NONE);
                if (!concurrently) r.hazards.add(new Hazard(LintRule.REQUIRE_CONCURRENT_INDEX_DELETION, table));
                break;
            }
            case "DROP TABLE":
                for (String name : relations) {
                    if (created.contains(key(name))) continue;
                    r.on(name, Lock.ACCESS_EXCLUSIVE, Effect.NONE);
                    r.hazards.add(new Hazard(LintRule.BAN_DROP_TABLE, name));
                }
                break;
            case "ALTER TABLE":
                if (table != null && existing) alterTable(t, table, r);
                break;
            case "ALTER TYPE":
                for (var v : StatementClassifier.classify(sql).addedEnumValues()) labelsInSegment.add(v.label());
                break;
            default:
                break;
        }
    }

    private void alterTable(List<Token> t, String table, Result r) {
        int start = 0;
        while (start < t.size() && !(t.get(start).kind() == Kind.WORD && SUBCOMMANDS.contains(upper(t.get(start)))
                && start > 2)) start++;
        int depth = 0;
        for (int i = start, from = start; i <= t.size(); i++) {
            Token k = i < t.size() ? t.get(i) : null;
            if (k != null && k.isPunct('(')) depth++;
            if (k != null && k.isPunct(')')) depth--;
            if (k == null || depth == 0 && k.isPunct(',')) {
                subcommand(t.subList(from, i), table, r);
                from = i + 1;
            }
        }
    }

    private static final Set<String> SUBCOMMANDS = Set.of("ADD", "ALTER", "DROP", "RENAME", "VALIDATE", "SET", "OWNER",
            "ENABLE", "DISABLE", "ATTACH", "DETACH", "INHERIT", "NO", "CLUSTER", "REPLICA", "FORCE", "RESET", "OF");

    private void subcommand(List<Token> s, String table, Result r) {
        if (s.isEmpty()) return;
        boolean notValid = indexOf(s, "NOT", "VALID") >= 0;
        if (s.get(0).is("ADD")) {
            int i = 1;
            if (i < s.size() && s.get(i).is("CONSTRAINT")) i += 2;
            Token what = i < s.size() ? s.get(i) : null;
            if (what != null && what.is("FOREIGN")) {
                r.on(table, Lock.SHARE_ROW_EXCLUSIVE, notValid ? Effect.NONE : Effect.SCAN);
                if (!notValid) r.hazards.add(new Hazard(LintRule.ADDING_FOREIGN_KEY_CONSTRAINT, table));
            } else if (what != null && what.is("CHECK")) {
                r.on(table, Lock.ACCESS_EXCLUSIVE, notValid ? Effect.NONE : Effect.SCAN);
                if (!notValid) r.hazards.add(new Hazard(LintRule.CONSTRAINT_MISSING_NOT_VALID, table));
                notNullCheck(s, i, table);
            } else if (what != null && (what.is("UNIQUE") || what.is("PRIMARY") || what.is("EXCLUDE"))) {
                boolean usingIndex = indexOf(s, "USING", "INDEX") >= 0;
                r.on(table, Lock.ACCESS_EXCLUSIVE, usingIndex ? Effect.NONE : Effect.SCAN);
                if (!usingIndex) r.hazards.add(new Hazard(LintRule.DISALLOWED_UNIQUE_CONSTRAINT, table));
            } else {
                addColumn(s, table, r);
            }
        } else if (s.get(0).is("ALTER")) {
            int i = 1;
            if (i < s.size() && s.get(i).is("COLUMN")) i++;
            String column = i < s.size() ? SqlLexer.identifier(s.get(i)) : "";
            if (indexOf(s, "TYPE") >= 0) {
                r.on(table, Lock.ACCESS_EXCLUSIVE, Effect.REWRITE);
                r.hazards.add(new Hazard(LintRule.CHANGING_COLUMN_TYPE, table));
            } else if (indexOf(s, "SET", "NOT", "NULL") >= 0) {
                boolean proven = provenNotNull.contains(key(table) + "." + column);
                r.on(table, Lock.ACCESS_EXCLUSIVE, proven ? Effect.NONE : Effect.SCAN);
                if (!proven) r.hazards.add(new Hazard(LintRule.SETTING_NOT_NULL, table));
            } else {
                r.on(table, Lock.ACCESS_EXCLUSIVE, Effect.NONE);
            }
        } else if (s.get(0).is("VALIDATE")) {
            r.on(table, Lock.SHARE_UPDATE_EXCLUSIVE, Effect.SCAN);
            String column = s.size() > 2 ? notNullChecks.get(key(table) + "." + SqlLexer.identifier(s.get(2))) : null;
            if (column != null) provenNotNull.add(column);
        } else if (s.get(0).is("DROP")) {
            r.on(table, Lock.ACCESS_EXCLUSIVE, Effect.NONE);
            if (!(s.size() > 1 && s.get(1).is("CONSTRAINT"))) r.hazards.add(new Hazard(LintRule.BAN_DROP_COLUMN, table));
        } else if (s.get(0).is("RENAME")) {
            r.on(table, Lock.ACCESS_EXCLUSIVE, Effect.NONE);
            if (s.size() > 1 && s.get(1).is("TO")) r.hazards.add(new Hazard(LintRule.RENAMING_TABLE, table));
            else if (!(s.size() > 1 && s.get(1).is("CONSTRAINT"))) r.hazards.add(new Hazard(LintRule.RENAMING_COLUMN, table));
        } else {
            r.on(table, Lock.ACCESS_EXCLUSIVE, Effect.NONE);
        }
    }

    /** ADD [COLUMN] [IF NOT EXISTS] name type [DEFAULT expr] [NOT NULL] [REFERENCES …]. */
    private static void addColumn(List<Token> s, String table, Result r) {
        int dflt = indexOf(s, "DEFAULT");
        boolean volatileDefault = false;
        if (dflt >= 0) {
            for (int i = dflt + 1; i + 1 < s.size(); i++) {
                Token k = s.get(i);
                if (k.is("NOT") || k.is("NULL") || k.is("REFERENCES") || k.is("CHECK") || k.is("CONSTRAINT")) break;
                if ((k.kind() == Kind.WORD || k.kind() == Kind.QUOTED_IDENT) && s.get(i + 1).isPunct('(')
                        && !NON_VOLATILE.contains(SqlLexer.identifier(k))) volatileDefault = true;
            }
        }
        r.on(table, Lock.ACCESS_EXCLUSIVE, volatileDefault ? Effect.REWRITE : Effect.NONE);
        if (volatileDefault) r.hazards.add(new Hazard(LintRule.ADDING_FIELD_WITH_VOLATILE_DEFAULT, table));
        if (dflt < 0 && indexOf(s, "NOT", "NULL") >= 0) r.hazards.add(new Hazard(LintRule.ADDING_NOT_NULLABLE_FIELD, table));
        if (indexOf(s, "REFERENCES") >= 0) {
            r.on(table, Lock.SHARE_ROW_EXCLUSIVE, Effect.NONE);
            r.hazards.add(new Hazard(LintRule.ADDING_FOREIGN_KEY_CONSTRAINT, table));
        }
    }

    // functions whose value a default computes once for all rows (stable or immutable): no rewrite since PostgreSQL 11
    private static final Set<String> NON_VOLATILE = Set.of("now", "current_timestamp", "transaction_timestamp",
            "statement_timestamp", "lower", "upper", "jsonb_build_object", "json_build_object", "array", "to_jsonb",
            "make_interval", "interval", "numeric", "varchar", "timestamptz", "current_date", "localtimestamp");

    /** CHECK (col IS NOT NULL) on a table: remembered so its VALIDATE proves the column. */
    private void notNullCheck(List<Token> s, int at, String table) {
        if (at < 2 || !s.get(at - 2).is("CONSTRAINT")) return;
        String name = SqlLexer.identifier(s.get(at - 1));
        int open = at + 1;
        if (s.size() < open + 6) return;
        int k = open + 1;
        while (k < s.size() && s.get(k).isPunct('(')) k++;
        if (k + 3 < s.size() && isName(s.get(k)) && s.get(k + 1).is("IS") && s.get(k + 2).is("NOT") && s.get(k + 3).is("NULL")) {
            notNullChecks.put(key(table) + "." + name, key(table) + "." + SqlLexer.identifier(s.get(k)));
        }
    }

    /** A string literal equal to an enum value this segment added, in a later statement of the same transaction. */
    private void usesNewLabel(String sql, Result r) {
        if (labelsInSegment.isEmpty() || StatementClassifier.classify(sql).kind().equals("ALTER TYPE")) return;
        for (Token k : SqlLexer.tokens(sql)) {
            if (k.kind() == Kind.STRING && labelsInSegment.contains(SqlLexer.stringValue(k))) {
                r.hazards.add(new Hazard(LintRule.ENUM_VALUE_USED_IN_TRANSACTION, r.tables.isEmpty() ? null : r.tables.iterator().next()));
                return;
            }
        }
    }

    /**
     * The DDL statements inside a DO block's body: each ALTER/CREATE/DROP that starts a PL/pgSQL statement, except
     * the first statement of an ELSE branch.
     */
    static List<String> innerStatements(String sql) {
        Token body = null;
        for (Token k : SqlLexer.tokens(sql)) if (k.kind() == Kind.DOLLAR_STRING) { body = k; break; }
        if (body == null) return List.of();
        String text = body.text();
        int open = text.indexOf('$', 1) + 1;
        int close = text.lastIndexOf('$', text.length() - 2);
        if (open <= 0 || close < open) return List.of();
        String inner = text.substring(open, close);
        List<String> out = new ArrayList<>();
        List<Token> tokens = code(inner);
        for (int i = 0; i < tokens.size(); i++) {
            Token k = tokens.get(i);
            Token prev = i == 0 ? null : tokens.get(i - 1);
            // an ELSE branch is not read: in generated scripts it is the fallback for a partly reverted version
            // (a key whose concurrently built index is gone builds its own), not what apply normally runs
            boolean starts = prev == null || prev.kind() == Kind.SEMICOLON || prev.is("BEGIN") || prev.is("THEN")
                    || prev.is("LOOP");
            if (!starts || !(k.is("ALTER") || k.is("CREATE") || k.is("DROP"))) continue;
            int end = i;
            while (end < tokens.size() && tokens.get(end).kind() != Kind.SEMICOLON) end++;
            out.add(inner.substring(k.start(), tokens.get(end - 1).end()));
            i = end;
        }
        return out;
    }

    private static List<Token> code(String sql) {
        List<Token> out = new ArrayList<>();
        for (Token k : SqlLexer.tokens(sql)) if (!k.isComment()) out.add(k);
        return out;
    }

    private static boolean has(List<Token> t, String word) {
        return indexOf(t, word) >= 0;
    }

    private static int indexOf(List<Token> t, String... words) {
        outer:
        for (int i = 0; i + words.length <= t.size(); i++) {
            for (int j = 0; j < words.length; j++) if (!t.get(i + j).is(words[j])) continue outer;
            return i;
        }
        return -1;
    }

    private static boolean isName(Token t) {
        return t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENT;
    }

    private static String upper(Token t) {
        return t.text().toUpperCase(Locale.ROOT);
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
