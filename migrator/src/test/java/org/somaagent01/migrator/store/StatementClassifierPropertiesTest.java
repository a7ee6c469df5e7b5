package org.somaagent01.migrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.somaagent01.migrator.store.StatementFacts.DataLoss;
import org.somaagent01.migrator.store.StatementFacts.LossKind;

/** The facts depend on the tokens only: comments, spacing and the case of keywords change nothing. */
class StatementClassifierPropertiesTest {
    /** A name as written in SQL and as the server stores it. */
    record Name(String sql, String stored) {}

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void commentsSpacingAndCaseChangeNothing(@ForAll("statements") String sql, @ForAll Random random) {
        String variant = rewrite(sql, random);
        assertEquals(StatementClassifier.classify(sql), StatementClassifier.classify(variant), sql + "\n--- vs ---\n" + variant);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyDroppedTableIsALoss(@ForAll("nameLists") List<Name> names, @ForAll boolean ifExists, @ForAll boolean cascade) {
        String sql = "DROP TABLE " + (ifExists ? "IF EXISTS " : "") + names.stream().map(Name::sql).collect(Collectors.joining(", "))
                + (cascade ? " CASCADE" : "");
        StatementFacts facts = StatementClassifier.classify(sql);
        assertEquals(names.stream().map(n -> new DataLoss(LossKind.TABLE, n.stored(), null)).toList(), facts.losses(), sql);
        assertEquals(names.stream().map(Name::stored).distinct().toList(), facts.relations(), sql);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyDroppedColumnIsALoss(@ForAll("names") Name table, @ForAll("nameLists") List<Name> columns,
                                   @ForAll("nameLists") List<Name> constraints) {
        String actions = columns.stream().map(c -> "DROP COLUMN IF EXISTS " + c.sql()).collect(Collectors.joining(", "));
        String kept = constraints.stream().map(c -> ", DROP CONSTRAINT " + c.sql() + ", ALTER COLUMN " + c.sql() + " DROP NOT NULL")
                .collect(Collectors.joining());
        String sql = "ALTER TABLE IF EXISTS " + table.sql() + " " + actions + kept;
        assertEquals(columns.stream().map(c -> new DataLoss(LossKind.COLUMN, table.stored(), c.stored())).toList(),
                StatementClassifier.classify(sql).losses(), sql);
    }

    @Property(tries = 200)
    void neverThrows(@ForAll("tokenSoup") String sql) {
        StatementClassifier.classify(sql);
        SqlStatements.parse(sql);
    }

    /** The statement's tokens, words in random case, joined by random non-empty whitespace and comments. */
    static String rewrite(String sql, Random random) {
        List<String> gaps = List.of(" ", "\n", "\t ", "  \r\n ", " /* c; 'x' */ ", "/* a /* DROP TABLE b; */ */", "-- ALTER TABLE x;\n",
                "--\n");
        StringBuilder out = new StringBuilder(random.nextBoolean() ? gaps.get(random.nextInt(gaps.size())) : "");
        for (SqlLexer.Token t : SqlLexer.tokens(sql)) {
            if (out.length() > 0) out.append(gaps.get(random.nextInt(gaps.size())));
            if (t.kind() != SqlLexer.Kind.WORD) { out.append(t.text()); continue; }
            for (char c : t.text().toCharArray()) {
                out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
        return out.append(random.nextBoolean() ? " -- done" : "").toString();
    }

    @Provide
    Arbitrary<Name> names() {
        return Arbitraries.of(new Name("t", "t"), new Name("Abc", "abc"), new Name("a_b$1", "a_b$1"),
                new Name("\"Mixed\"", "Mixed"), new Name("\"with space\"", "with space"), new Name("\"q\"\"t\"", "q\"t"),
                new Name("s.t", "s.t"), new Name("\"S\".\"T\"", "S.T"), new Name("Public . Items", "public.items"),
                new Name("\"drop\"", "drop"), new Name("U&\"d\\0061t\"", "dat"));
    }

    @Provide
    Arbitrary<List<Name>> nameLists() {
        return names().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> statements() {
        Arbitrary<String> name = names().map(Name::sql);
        Arbitrary<String> names = nameLists().map(l -> l.stream().map(Name::sql).collect(Collectors.joining(", ")));
        Arbitrary<String> type = Arbitraries.of("int", "varchar(10)", "numeric(10,2)", "text[]", "vector(3)",
                "timestamp with time zone", "\"MyType\"", "public.mood[]", "double precision");
        Arbitrary<String> label = Arbitraries.of("'a'", "'it''s'", "E'x\\'y'", "'DROP TABLE t;'");
        Arbitrary<String> opt = Arbitraries.of("", "IF EXISTS ");
        Arbitrary<String> subcommand = Arbitraries.oneOf(
                name.map(c -> "DROP COLUMN IF EXISTS " + c), name.map(c -> "DROP " + c), name.map(c -> "DROP CONSTRAINT " + c),
                Combinators.combine(name, type).as((c, t) -> "ALTER COLUMN " + c + " TYPE " + t + " USING " + c + "::" + t),
                Combinators.combine(name, type).as((c, t) -> "ALTER " + c + " SET DATA TYPE " + t),
                name.map(o -> "ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES " + o + " (id) ON DELETE CASCADE"),
                Arbitraries.of("ADD COLUMN d int DEFAULT 0 NOT NULL", "ALTER COLUMN c SET DEFAULT 'TYPE'"));
        return Arbitraries.oneOf(
                Combinators.combine(opt, names, Arbitraries.of("", " CASCADE")).as((o, n, c) -> "DROP TABLE " + o + n + c),
                Combinators.combine(opt, Arbitraries.of("", "ONLY "), name, subcommand.list().ofMinSize(1).ofMaxSize(3))
                        .as((o, only, n, s) -> "ALTER TABLE " + o + only + n + " " + String.join(", ", s)),
                Combinators.combine(Arbitraries.of("", "TABLE "), names).as((t, n) -> "TRUNCATE " + t + n + " RESTART IDENTITY"),
                Combinators.combine(Arbitraries.of("", "UNIQUE "), Arbitraries.of("", "CONCURRENTLY "),
                                Arbitraries.of("", "IF NOT EXISTS i ", "ix "), Arbitraries.of("", "ONLY "), name)
                        .as((u, c, i, only, n) -> "CREATE " + u + "INDEX " + c + i + "ON " + only + n + " USING btree (c)"),
                Combinators.combine(name, Arbitraries.of("", "IF NOT EXISTS "), label, Arbitraries.of("", " BEFORE 'z'", " AFTER 'y'"))
                        .as((n, o, l, w) -> "ALTER TYPE " + n + " ADD VALUE " + o + l + w),
                Combinators.combine(name, label).as((n, l) -> "COMMENT ON TABLE " + n + " IS " + l),
                name.map(n -> "COMMENT ON COLUMN " + n + ".c IS NULL"),
                Combinators.combine(Arbitraries.of("", "CONCURRENTLY "), names).as((c, n) -> "DROP INDEX " + c + "IF EXISTS " + n),
                Combinators.combine(name, name).as((t, f) -> "CREATE OR REPLACE TRIGGER tr BEFORE UPDATE ON " + t
                        + " FOR EACH ROW EXECUTE FUNCTION " + f + "()"),
                name.map(t -> "DROP TRIGGER IF EXISTS tr ON " + t),
                names.map(n -> "LOCK TABLE " + n + " IN ACCESS EXCLUSIVE MODE"),
                names.map(n -> "DROP TYPE IF EXISTS " + n), names.map(n -> "DROP SCHEMA " + n + " CASCADE"),
                name.map(n -> "DROP FUNCTION IF EXISTS " + n + "(int, text)"), name.map(n -> "VACUUM " + n),
                name.map(n -> "REINDEX TABLE CONCURRENTLY " + n), name.map(n -> "INSERT INTO " + n + " (a) VALUES (1)"),
                name.map(n -> "DO $$ BEGIN DROP TABLE " + n + "; END $$"), name.map(n -> "SELECT setval('" + n + "', 1)"));
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of("DROP", "TABLE", "ALTER", "COLUMN", "TYPE", "IF", "EXISTS", "ONLY", "(", ")", ",", ".", "t",
                        "\"q\"", "'s'", "ON", "CREATE", "INDEX", "TRUNCATE", "COMMENT", "REINDEX", "CONCURRENTLY", "ADD",
                        "VALUE", "REFERENCES", "USING", "*", ";", "$$x$$", "LOCK", "BEGIN", "ATOMIC", "END", "CASE", "FUNCTION")
                .list().ofMaxSize(12).map(l -> String.join(" ", l));
    }
}
