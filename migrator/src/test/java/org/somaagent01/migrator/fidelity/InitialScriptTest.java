package org.somaagent01.migrator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** The up script of 0001 is idempotent, and its down returns the database to what it was before. */
class InitialScriptTest {
    private static final MigrationScript INITIAL = Fixtures.shippedScripts().get(0);
    private static TestDatabase db;
    private static SchemaModel once;

    @BeforeContainer
    static void applyOnce() throws Exception {
        db = TestServer.get().createDatabase();
        try (Connection c = db.connect()) {
            Fixtures.execute(c, INITIAL.upSql());
            once = Fixtures.inspect(c);
            Fixtures.execute(c, INITIAL.downSql());
        }
    }

    @AfterContainer
    static void drop() {
        db.close();
    }

    /**
     * From empty, or from a partial schema (the first {@code prefix} statements of the script already run, as when
     * the legacy init scripts stopped half-way), applying the up script N times gives the catalog of applying it
     * once to an empty database.
     */
    @Property(tries = 100, generation = GenerationMode.RANDOMIZED)
    void upScriptAppliedNTimesEqualsOnce(@ForAll @IntRange(min = 1, max = 3) int times,
                                         @ForAll @IntRange(min = 0, max = 1000) int prefixSeed) throws Exception {
        List<String> statements = statements(INITIAL.upSql());
        int prefix = prefixSeed % (statements.size() + 1);
        try (Connection c = db.connect()) {
            for (String statement : statements.subList(0, prefix)) Fixtures.execute(c, statement);
            for (int i = 0; i < times; i++) Fixtures.execute(c, INITIAL.upSql());
            assertEquals(once, Fixtures.inspect(c));
            Fixtures.execute(c, INITIAL.downSql());
            assertEquals(SchemaModel.EMPTY, Fixtures.inspect(c), "down leaves the database empty for the next try");
        }
    }

    /** The script's statements; generated scripts end each one with a semicolon and a blank line. */
    private static List<String> statements(String script) {
        return java.util.Arrays.stream(script.split(";\n\n")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.lines().allMatch(l -> l.startsWith("--"))).toList();
    }

    @Test
    void downOfTheInitialScriptRestoresTheCatalogOfBefore() throws Exception {
        try (TestDatabase fresh = TestServer.get().createDatabase(); Connection c = fresh.connect()) {
            JsonNode before = Fixtures.catalog(c);
            Applier applier = new Applier(ApplyOptions.defaults(), line -> { });
            applier.apply(c, List.of(INITIAL), null);
            applier.down(c, List.of(INITIAL), 0);
            assertEquals(before, Fixtures.catalog(c));
            assertEquals(SchemaModel.EMPTY, Fixtures.inspect(c));
        }
    }
}
