package org.somaagent01.migrator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Every shipped script, up then down, restores the catalog it started from exactly, and rows in tables the script
 * does not touch survive both directions.
 */
class ShippedScriptsRoundTripTest {
    private static final List<MigrationScript> SCRIPTS = Fixtures.shippedScripts();
    private static TestDatabase db;

    /** A table no script knows, with rows: it must come through the round trip unchanged. */
    record Bystander(String name, List<String> texts, List<Integer> numbers) {
        @Override
        public String toString() {
            return name + " with " + texts.size() + " rows " + texts + " / " + numbers;
        }
    }

    @BeforeContainer
    static void create() {
        db = TestServer.get().createDatabase();
    }

    @AfterContainer
    static void drop() {
        db.close();
    }

    @Provide
    Arbitrary<Bystander> bystanders() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).map(s -> "keep_" + s);
        Arbitrary<List<String>> texts = Arbitraries.strings().excludeChars('\u0000').ofMaxLength(30).list().ofMaxSize(6);
        return Combinators.combine(name, texts, Arbitraries.integers().list().ofSize(6))
                .as((n, t, numbers) -> new Bystander(n, t, numbers.subList(0, t.size())));
    }

    @Property(tries = 100, generation = GenerationMode.RANDOMIZED)
    void upThenDownOfEveryScriptRestoresThePreviousCatalogAndKeepsOtherRows(
            @ForAll("bystanders") Bystander bystander,
            @ForAll("versions") int version) throws Exception {
        try (Connection c = db.connect()) {
            for (MigrationScript s : SCRIPTS.subList(0, version - 1)) Fixtures.execute(c, s.upSql());
            Fixtures.execute(c, "CREATE TABLE " + bystander.name() + " (id serial PRIMARY KEY, t text, n integer)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + bystander.name() + " (t, n) VALUES (?, ?)")) {
                for (int i = 0; i < bystander.texts().size(); i++) {
                    ps.setString(1, bystander.texts().get(i));
                    ps.setInt(2, bystander.numbers().get(i));
                    ps.executeUpdate();
                }
            }
            SchemaModel before = Fixtures.inspect(c);
            List<String> rowsBefore = rows(c, bystander.name());

            MigrationScript script = SCRIPTS.get(version - 1);
            Fixtures.execute(c, script.upSql());
            assertEquals(rowsBefore, rows(c, bystander.name()), "rows after up");
            Fixtures.execute(c, script.downSql());

            assertEquals(before, Fixtures.inspect(c));
            assertEquals(rowsBefore, rows(c, bystander.name()), "rows after down");

            Fixtures.execute(c, "DROP TABLE " + bystander.name());
            for (int v = version - 1; v >= 1; v--) Fixtures.execute(c, SCRIPTS.get(v - 1).downSql());
        }
    }

    @Provide
    Arbitrary<Integer> versions() {
        return Arbitraries.integers().between(1, SCRIPTS.size());
    }

    private static List<String> rows(Connection c, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, t, n FROM " + table + " ORDER BY id")) {
            while (rs.next()) out.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getInt(3));
        }
        return out;
    }
}
