package org.somaagent01.migrator.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.somaagent01.migrator.store.SqlLexer.Kind;
import org.somaagent01.migrator.store.SqlLexer.Token;
import org.somaagent01.migrator.store.StatementFacts.DataLoss;
import org.somaagent01.migrator.store.StatementFacts.EnumValue;
import org.somaagent01.migrator.store.StatementFacts.LossKind;
import org.somaagent01.migrator.store.StatementFacts.TypeChange;

/**
 * Reads {@link StatementFacts} from one statement of a script (as {@link SqlStatements#split} returns it), from its
 * tokens: comments, strings and quoted names never look like keywords. Not a parser: it reads the leading keywords
 * and the names that follow them in the statement forms that destroy data, change types, add enum labels, lock
 * relations or refuse to run in a transaction; any other statement gets its kind and nothing else. Never throws:
 * text it cannot read yields fewer facts, and the server reports the syntax error.
 */
public final class StatementClassifier {
    private StatementClassifier() {}

    // object types of CREATE/ALTER/DROP/COMMENT ON that take more than one word
    private static final List<List<String>> MULTI_WORD_OBJECTS = List.of(
            List.of("FOREIGN", "DATA", "WRAPPER"), List.of("TEXT", "SEARCH", "CONFIGURATION"),
            List.of("TEXT", "SEARCH", "DICTIONARY"), List.of("TEXT", "SEARCH", "PARSER"),
            List.of("TEXT", "SEARCH", "TEMPLATE"), List.of("MATERIALIZED", "VIEW"), List.of("FOREIGN", "TABLE"),
            List.of("EVENT", "TRIGGER"), List.of("USER", "MAPPING"), List.of("OPERATOR", "CLASS"),
            List.of("OPERATOR", "FAMILY"), List.of("ACCESS", "METHOD"), List.of("DEFAULT", "PRIVILEGES"),
            List.of("LARGE", "OBJECT"));

    // words between CREATE and the object type that do not change what kind of object it is
    private static final Set<String> CREATE_MODIFIERS = Set.of("UNIQUE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL",
            "LOCAL", "RECURSIVE", "TRUSTED", "PROCEDURAL", "CONSTRAINT", "DEFAULT");

    // words followed by "(" that are not calls of functions a person wrote
    private static final Set<String> NOT_CALLS = Set.of("IN", "EXISTS", "ANY", "ALL", "SOME", "ARRAY", "ROW",
            "VALUES", "CAST", "COALESCE", "NULLIF", "GREATEST", "LEAST", "COUNT", "SUM", "MIN", "MAX", "AVG", "OVER",
            "FILTER", "AS", "USING", "ON", "FROM", "WHERE", "AND", "OR", "NOT", "SELECT", "JOIN", "LATERAL", "WITH",
            "INTO", "BY", "THEN", "ELSE", "WHEN", "CASE", "RETURNING", "UNION", "EXCEPT", "INTERSECT", "HAVING");

    public static StatementFacts classify(String statement) {
        List<Token> code = new ArrayList<>();
        for (Token t : SqlLexer.tokens(statement)) if (!t.isComment()) code.add(t);
        while (!code.isEmpty() && code.get(code.size() - 1).kind() == Kind.SEMICOLON) code.remove(code.size() - 1);
        return new Reader(code).read();
    }

    /** A cursor over a statement's tokens (comments removed) and the facts found so far. */
    private static final class Reader {
        private final List<Token> tokens;
        private int pos;
        private boolean outside;
        private boolean opaque;
        private final List<DataLoss> losses = new ArrayList<>();
        private final List<TypeChange> typeChanges = new ArrayList<>();
        private final List<EnumValue> enumValues = new ArrayList<>();
        private final Set<String> relations = new LinkedHashSet<>();

        Reader(List<Token> tokens) { this.tokens = tokens; }

        StatementFacts read() {
            String kind = kind();
            switch (kind) {
                case "DROP TABLE": dropRelations(LossKind.TABLE); break;
                case "DROP VIEW": case "DROP MATERIALIZED VIEW": dropRelations(LossKind.VIEW); break;
                case "DROP SEQUENCE": dropRelations(LossKind.SEQUENCE); break;
                case "DROP FOREIGN TABLE": dropRelations(null); break;
                case "DROP TYPE": case "DROP DOMAIN": dropObjects(LossKind.TYPE); break;
                case "DROP SCHEMA": dropObjects(LossKind.SCHEMA); break;
                case "DROP FUNCTION": case "DROP PROCEDURE": case "DROP ROUTINE": dropObjects(LossKind.FUNCTION); break;
                case "DROP INDEX": dropIndex(); break;
                case "DROP TRIGGER": case "DROP POLICY": case "DROP RULE": onTable(); break;
                case "CREATE DATABASE": case "DROP DATABASE": case "CREATE TABLESPACE": case "DROP TABLESPACE":
                case "ALTER SYSTEM": case "VACUUM":
                    outside = true;
                    break;
                case "ALTER DATABASE": outside = find(0, "SET", "TABLESPACE") >= 0; break;
                case "DISCARD": outside = accept("ALL"); break;
                case "ALTER TABLE": alterTable(); break;
                case "ALTER INDEX": case "ALTER SEQUENCE": case "ALTER VIEW": case "ALTER MATERIALIZED VIEW":
                case "ALTER FOREIGN TABLE":
                    alterRelation();
                    break;
                case "ALTER TYPE": alterType(); break;
                case "CREATE INDEX": createIndex(); break;
                case "CREATE TRIGGER": case "CREATE POLICY": createOn(); break;
                case "CREATE TABLE": createTable(); break;
                case "TRUNCATE": truncate(); break;
                case "LOCK": accept("TABLE"); relationList(); break;
                case "REFRESH MATERIALIZED VIEW": accept("CONCURRENTLY"); addRelation(name()); break;
                case "COMMENT": comment(); break;
                case "INSERT": case "MERGE": accept("INTO"); accept("ONLY"); addRelation(name()); break;
                case "UPDATE": accept("ONLY"); addRelation(name()); break;
                case "DELETE": accept("FROM"); accept("ONLY"); addRelation(name()); break;
                case "REINDEX": reindex(); break;
                case "DO": opaque = true; doBody(); break;
                case "CALL": case "EXECUTE": opaque = true; break;
                case "SELECT": case "WITH": case "VALUES": opaque = callsFunctions(); break;
                default: break;
            }
            return new StatementFacts(kind, outside, losses, typeChanges, enumValues, new ArrayList<>(relations), opaque);
        }

        /** The leading keywords, leaving the cursor after them. */
        private String kind() {
            Token first = peek(0);
            if (first == null || first.kind() != Kind.WORD) return "";
            String verb = upper(first);
            pos = 1;
            if (verb.equals("CREATE") || verb.equals("ALTER") || verb.equals("DROP")) {
                if (verb.equals("CREATE")) {
                    accept("OR", "REPLACE");
                    while (peek(0) != null && peek(0).kind() == Kind.WORD && CREATE_MODIFIERS.contains(upper(peek(0)))
                            && isWord(1)) pos++;
                }
                return verb + " " + objectType();
            }
            if (verb.equals("REFRESH") && accept("MATERIALIZED", "VIEW")) return "REFRESH MATERIALIZED VIEW";
            return verb;
        }

        /** The object type at the cursor (one or more words), leaving the cursor after it. */
        private String objectType() {
            for (List<String> words : MULTI_WORD_OBJECTS) {
                if (accept(words.toArray(new String[0]))) return String.join(" ", words);
            }
            Token t = peek(0);
            if (t == null || t.kind() != Kind.WORD) return "";
            pos++;
            return upper(t);
        }

        /**
         * The SQL statements written out in a DO block's PL/pgSQL body that destroy table or column data or change a
         * column's type: the migrator's own scripts guard drops and retypes by a catalog check inside DO blocks (a
         * replaced generated column, a column read by a generated one), and apply must count what they destroy as
         * if unguarded. Dynamic SQL ({@code EXECUTE 'text'}) stays unread. A retype to a type the block creates
         * itself is an enum swap (its removed labels are checked by the block), not a cast that can fail. Dropped
         * types, views and the like are not data of rows and stay unreported here, as the block stays opaque.
         */
        private void doBody() {
            Token body = null;
            for (Token t : tokens) {
                if (t.kind() == Kind.DOLLAR_STRING && body == null) body = t;
                else if (t.kind() == Kind.WORD && !t.is("DO") && !t.is("LANGUAGE") && !t.is("plpgsql")) return;
            }
            if (body == null) return;
            String text = body.text();
            int tagEnd = text.indexOf('$', 1) + 1;
            String inner = text.substring(tagEnd, Math.max(tagEnd, text.length() - tagEnd));
            List<Token> code = new ArrayList<>();
            for (Token t : SqlLexer.tokens(inner)) if (!t.isComment()) code.add(t);
            Set<String> createdTypes = new HashSet<>();
            List<TypeChange> retypes = new ArrayList<>();
            for (int i = 0; i < code.size(); i++) {
                Token prev = i == 0 ? null : code.get(i - 1);
                boolean starts = prev == null || prev.kind() == Kind.SEMICOLON
                        || prev.is("BEGIN") || prev.is("THEN") || prev.is("ELSE") || prev.is("LOOP");
                if (!starts || code.get(i).kind() != Kind.WORD) continue;
                int end = i;
                while (end < code.size() && code.get(end).kind() != Kind.SEMICOLON) end++;
                if (end == i) continue;
                StatementFacts f = classify(inner.substring(code.get(i).start(), code.get(end - 1).end()));
                if (f.kind().equals("CREATE TYPE") && i + 2 < end) createdTypes.add(SqlLexer.identifier(code.get(i + 2)));
                for (DataLoss loss : f.losses()) {
                    if (loss.kind() == LossKind.TABLE || loss.kind() == LossKind.COLUMN || loss.kind() == LossKind.TRUNCATE) {
                        losses.add(loss);
                    }
                }
                retypes.addAll(f.typeChanges());
            }
            for (TypeChange t : retypes) {
                if (!createdTypes.contains(t.newType().replace("[]", "").replace("\"", ""))) typeChanges.add(t);
            }
        }

        private void dropRelations(LossKind loss) {
            accept("IF", "EXISTS");
            for (String name : nameList()) {
                if (loss != null) losses.add(new DataLoss(loss, name, null));
                relations.add(name);
            }
        }

        private void dropObjects(LossKind loss) {
            accept("IF", "EXISTS");
            do {
                String name = name();
                if (name == null) return;
                losses.add(new DataLoss(loss, name, null));
                skipParens(); // a function's argument types
            } while (acceptPunct(','));
        }

        private void dropIndex() {
            outside = accept("CONCURRENTLY");
            accept("IF", "EXISTS");
            relations.addAll(nameList());
        }

        /** DROP TRIGGER|POLICY|RULE [IF EXISTS] name ON table. */
        private void onTable() {
            accept("IF", "EXISTS");
            if (name() != null && accept("ON")) addRelation(name());
        }

        private void alterRelation() {
            accept("IF", "EXISTS");
            if (!at("ALL", "IN")) addRelation(name());
        }

        private void alterTable() {
            accept("IF", "EXISTS");
            accept("ONLY");
            if (at("ALL", "IN")) return; // ALTER TABLE ALL IN TABLESPACE: names no table
            String table = name();
            if (table == null) return;
            relations.add(table);
            acceptPunct('*');
            int start = pos;
            int depth = 0;
            for (int i = start; i <= tokens.size(); i++) {
                Token t = i < tokens.size() ? tokens.get(i) : null;
                if (t != null && t.isPunct('(')) depth++;
                if (t != null && t.isPunct(')')) depth--;
                if (t == null || depth == 0 && t.isPunct(',')) {
                    subcommand(table, start, i);
                    start = i + 1;
                }
            }
        }

        /** One ALTER TABLE action, tokens {@code [from, to)}. */
        private void subcommand(String table, int from, int to) {
            pos = from;
            if (accept("DROP")) {
                if (at("CONSTRAINT")) return; // a constraint holds no data
                accept("COLUMN");
                accept("IF", "EXISTS");
                String column = pos < to ? name() : null;
                if (column != null) losses.add(new DataLoss(LossKind.COLUMN, table, column));
            } else if (accept("ALTER")) {
                if (at("CONSTRAINT")) return;
                accept("COLUMN");
                String column = pos < to ? name() : null;
                if (column != null && (accept("SET", "DATA", "TYPE") || accept("TYPE"))) {
                    int end = pos;
                    while (end < to && !tokens.get(end).is("USING") && !tokens.get(end).is("COLLATE")) end++;
                    if (end > pos) typeChanges.add(new TypeChange(table, column, render(pos, end)));
                }
            } else if (accept("ATTACH", "PARTITION") || accept("INHERIT") || accept("NO", "INHERIT")) {
                addRelation(name());
            } else if (accept("DETACH", "PARTITION")) {
                addRelation(name());
                int concurrently = find(pos, "CONCURRENTLY");
                if (concurrently >= 0 && concurrently < to) outside = true;
            }
            references(from, to);
        }

        /** Tables named after REFERENCES in tokens {@code [from, to)}: a foreign key locks them too. */
        private void references(int from, int to) {
            for (int i = from; i < to; i++) {
                if (tokens.get(i).is("REFERENCES")) {
                    pos = i + 1;
                    addRelation(name());
                }
            }
        }

        private void alterType() {
            String type = name();
            if (type == null || !accept("ADD", "VALUE")) return;
            accept("IF", "NOT", "EXISTS");
            Token label = peek(0);
            if (label != null && label.kind() == Kind.STRING) enumValues.add(new EnumValue(type, SqlLexer.stringValue(label)));
        }

        /** CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table. */
        private void createIndex() {
            outside = accept("CONCURRENTLY");
            accept("IF", "NOT", "EXISTS");
            if (!at("ON")) name();
            if (accept("ON")) {
                accept("ONLY");
                addRelation(name());
            }
        }

        /** CREATE TRIGGER|POLICY name ... ON table [FROM referenced table]: the first top-level ON names it. */
        private void createOn() {
            int on = find(pos, "ON");
            if (on < 0) return;
            pos = on + 1;
            addRelation(name());
            int from = find(pos, "FROM");
            if (from >= 0) {
                pos = from + 1;
                addRelation(name());
            }
        }

        /** CREATE TABLE locks the tables its foreign keys reference and the parents it inherits or partitions. */
        private void createTable() {
            int start = pos;
            references(start, tokens.size());
            for (int i = start; i < tokens.size(); i++) {
                pos = i;
                boolean element = i > start && (tokens.get(i - 1).isPunct('(') || tokens.get(i - 1).isPunct(','));
                if (accept("PARTITION", "OF") || element && accept("LIKE")) {
                    addRelation(name());
                } else if (accept("INHERITS") && acceptPunct('(')) {
                    relations.addAll(nameList());
                }
            }
        }

        private void truncate() {
            accept("TABLE");
            for (String name : relationList()) losses.add(new DataLoss(LossKind.TRUNCATE, name, null));
        }

        /** [ONLY] name [*], ... as TRUNCATE and LOCK take them; each is added to the relations. */
        private List<String> relationList() {
            List<String> names = new ArrayList<>();
            do {
                accept("ONLY");
                String name = name();
                if (name == null) break;
                acceptPunct('*');
                names.add(name);
                relations.add(name);
            } while (acceptPunct(','));
            return names;
        }

        private void comment() {
            if (!accept("ON")) return;
            if (accept("COLUMN")) {
                List<String> parts = nameParts();
                if (parts.size() > 1) relations.add(String.join(".", parts.subList(0, parts.size() - 1)));
            } else if (accept("CONSTRAINT") || accept("TRIGGER") || accept("POLICY") || accept("RULE")) {
                if (name() != null && accept("ON") && !at("DOMAIN")) addRelation(name());
            } else {
                String type = objectType();
                if (Set.of("TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "SEQUENCE", "FOREIGN TABLE").contains(type)) {
                    addRelation(name());
                }
            }
        }

        /** REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] [name]. */
        private void reindex() {
            if (peek(0) != null && peek(0).isPunct('(')) {
                int close = closingParen(pos);
                for (int i = pos; i < close; i++) {
                    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                    if (tokens.get(i).is("CONCURRENTLY") && !(next != null && isFalse(next))) outside = true;
                }
                pos = close + 1;
            }
            String target = objectType();
            if (accept("CONCURRENTLY")) outside = true;
            // these run one transaction per table, which they cannot do inside the caller's
            if (target.equals("SCHEMA") || target.equals("DATABASE") || target.equals("SYSTEM")) outside = true;
            if (target.equals("INDEX") || target.equals("TABLE")) addRelation(name());
        }

        private static boolean isFalse(Token t) {
            return t.is("FALSE") || t.is("OFF") || t.text().equals("0");
        }

        /** A call of a function anywhere in the statement: its effects cannot be read from the text. */
        private boolean callsFunctions() {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token t = tokens.get(i);
                boolean callable = t.kind() == Kind.QUOTED_IDENT || t.kind() == Kind.WORD && !NOT_CALLS.contains(upper(t));
                if (callable && tokens.get(i + 1).isPunct('(')) return true;
            }
            return false;
        }

        // --- names

        private void addRelation(String name) {
            if (name != null) relations.add(name);
        }

        /** A possibly schema-qualified name at the cursor as the server resolves it, or null (cursor unmoved). */
        private String name() {
            List<String> parts = nameParts();
            return parts.isEmpty() ? null : String.join(".", parts);
        }

        private List<String> nameParts() {
            List<String> parts = new ArrayList<>();
            if (!isName(0)) return parts;
            parts.add(SqlLexer.identifier(tokens.get(pos++)));
            while (peek(0) != null && peek(0).isPunct('.') && isName(1)) {
                parts.add(SqlLexer.identifier(tokens.get(pos + 1)));
                pos += 2;
            }
            return parts;
        }

        private List<String> nameList() {
            List<String> names = new ArrayList<>();
            do {
                String name = name();
                if (name == null) break;
                names.add(name);
            } while (acceptPunct(','));
            return names;
        }

        private boolean isName(int k) {
            Token t = peek(k);
            return t != null && (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENT);
        }

        private boolean isWord(int k) {
            Token t = peek(k);
            return t != null && t.kind() == Kind.WORD;
        }

        /**
         * Tokens {@code [from, to)} as one canonical string: unquoted words lower-cased (as the server folds them),
         * one space between words, none around brackets, dots and colons, one after commas.
         */
        private String render(int from, int to) {
            StringBuilder out = new StringBuilder();
            Token prev = null;
            for (int i = from; i < to; i++) {
                Token t = tokens.get(i);
                boolean glued = prev == null || "([.:".indexOf(prev.text().charAt(0)) >= 0 && prev.kind() == Kind.PUNCT
                        || t.kind() == Kind.PUNCT && "()[],.:".indexOf(t.text().charAt(0)) >= 0;
                if (!glued) out.append(' ');
                out.append(t.kind() == Kind.WORD ? SqlLexer.identifier(t) : t.text());
                prev = t;
            }
            return out.toString();
        }

        // --- cursor

        private Token peek(int k) {
            return pos + k < tokens.size() ? tokens.get(pos + k) : null;
        }

        private boolean at(String... words) {
            for (int k = 0; k < words.length; k++) {
                Token t = peek(k);
                if (t == null || !t.is(words[k])) return false;
            }
            return true;
        }

        private boolean accept(String... words) {
            if (!at(words)) return false;
            pos += words.length;
            return true;
        }

        private boolean acceptPunct(char c) {
            Token t = peek(0);
            if (t == null || !t.isPunct(c)) return false;
            pos++;
            return true;
        }

        private void skipParens() {
            if (peek(0) != null && peek(0).isPunct('(')) pos = closingParen(pos) + 1;
        }

        /** Index of the ")" matching the "(" at {@code open}, or the last index when unbalanced. */
        private int closingParen(int open) {
            int depth = 0;
            for (int i = open; i < tokens.size(); i++) {
                if (tokens.get(i).isPunct('(')) depth++;
                if (tokens.get(i).isPunct(')') && --depth == 0) return i;
            }
            return tokens.size() - 1;
        }

        /** Index of the first top-level (outside parentheses) occurrence of the words from {@code from}, or -1. */
        private int find(int from, String... words) {
            int depth = 0;
            int saved = pos;
            try {
                for (int i = from; i < tokens.size(); i++) {
                    Token t = tokens.get(i);
                    if (t.isPunct('(')) depth++;
                    if (t.isPunct(')')) depth--;
                    pos = i;
                    if (depth == 0 && at(words)) return i;
                }
                return -1;
            } finally {
                pos = saved;
            }
        }

        private static String upper(Token t) {
            return t.text().toUpperCase(Locale.ROOT);
        }
    }
}
