package org.somaagent01.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.somaagent01.testdb.TestDatabase;

/**
 * Seeding N times gives the same rows as seeding once, from any starting content of the seed tables: the legacy
 * seed rows after a random series of operator edits, deletions and foreign rows. Timestamps are compared too, so a
 * re-seed that needlessly bumps {@code updated_at} fails. One database for all tries, reset before each.
 */
class SeedIdempotencyPropertiesTest {
    private static final List<String> TOOLS = List.of("echo", "document_ingest", "web_search");
    private static final List<String[]> CAPABILITIES = List.of(
            new String[] {"dalle3_image_gen", "openai"}, new String[] {"mermaid_diagram", "local"},
            new String[] {"plantuml_diagram", "local"}, new String[] {"playwright_screenshot", "local"},
            new String[] {"stability_image_gen", "stability"}, new String[] {"dalle3_image_gen", "azure"});
    private static final String PROMPT_ID = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

    private static TestDatabase db;
    private static DataSource dataSource;
    private static Seeds seeds;

    @BeforeContainer
    static void legacyDatabase() throws Exception {
        db = SeedDatabases.legacy();
        dataSource = SeedDatabases.dataSource(db);
        seeds = Seeds.load();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA pristine");
            for (String table : SeedDatabases.TABLES) st.execute("CREATE TABLE pristine." + table + " AS TABLE public." + table);
        }
    }

    @AfterContainer
    static void dropDatabase() {
        if (db != null) db.close();
    }

    @Property(tries = 100)
    void seedingNTimesGivesTheRowsOfSeedingOnce(@ForAll("startingContent") List<Edit> edits,
                                                @ForAll @IntRange(min = 2, max = 4) int times) throws Exception {
        reset(edits);

        SeedReport planned = seeds.plan(dataSource);
        SeedReport first = seeds.apply(dataSource);
        ObjectNode once = SeedDatabases.snapshot(db);
        for (int i = 1; i < times; i++) {
            SeedReport again = seeds.apply(dataSource);
            assertEquals(0, again.changes(), again::toString);
        }

        assertEquals(planned, first, "plan foretells apply");
        assertEquals(once, SeedDatabases.snapshot(db));
    }

    /** An operator's (or a partial legacy run's) change to the seed tables, as a parameterized statement. */
    record Edit(String sql, List<Object> params) {
        @Override
        public String toString() { return sql + " " + params; }
    }

    @Provide
    Arbitrary<List<Edit>> startingContent() {
        return Arbitraries.oneOf(toolEdits(), capabilityEdits(), promptEdits()).list().ofMaxSize(6);
    }

    private Arbitrary<Edit> toolEdits() {
        Arbitrary<String> tool = Arbitraries.of(TOOLS);
        return Arbitraries.oneOf(
                tool.map(t -> edit("DELETE FROM tool_catalog WHERE name = ?", t)),
                Combinators.combine(tool, words(), Arbitraries.of(true, false), Arbitraries.of("low", "medium", "high"))
                        .as((t, d, e, c) -> edit("UPDATE tool_catalog SET description = ?, enabled = ?, cost_impact = ? WHERE name = ?", d, e, c, t)),
                Combinators.combine(tool, words()).as((t, d) -> edit(
                        "INSERT INTO tool_catalog (name, description, parameters_schema) VALUES (?, ?, '{}') ON CONFLICT DO NOTHING", t, d)));
    }

    private Arbitrary<Edit> capabilityEdits() {
        Arbitrary<String[]> cap = Arbitraries.of(CAPABILITIES);
        Arbitrary<String> catalogColumn = Arbitraries.of("description", "display_name");
        Arbitrary<String> jsonColumn = Arbitraries.of("modalities", "constraints", "input_schema", "output_schema");
        return Arbitraries.oneOf(
                cap.map(k -> edit("DELETE FROM multimodal_capabilities WHERE tool_id = ? AND provider = ?", k[0], k[1])),
                Combinators.combine(cap, catalogColumn, words()).as((k, col, v) -> edit(
                        "UPDATE multimodal_capabilities SET " + col + " = ? WHERE tool_id = ? AND provider = ?", v, k[0], k[1])),
                Combinators.combine(cap, jsonColumn, Arbitraries.of("[]", "{}", "[\"image\"]", "{\"max_nodes\": 100}")).as((k, col, v) -> edit(
                        "UPDATE multimodal_capabilities SET " + col + " = ?::jsonb WHERE tool_id = ? AND provider = ?", v, k[0], k[1])),
                // 1792 -> 1792.0: equal for jsonb, so neither an update nor a planned one
                cap.map(k -> edit("UPDATE multimodal_capabilities SET constraints = jsonb_set(constraints, '{max_resolution}',"
                        + " to_jsonb((constraints->>'max_resolution')::numeric(10,1))) WHERE constraints -> 'max_resolution' IS NOT NULL"
                        + " AND tool_id = ? AND provider = ?", k[0], k[1])),
                Combinators.combine(cap, Arbitraries.of("healthy", "degraded", "unavailable"), Arbitraries.integers().between(0, 50),
                                Arbitraries.of(true, false), Arbitraries.of("free", "low", "medium", "high", "premium"))
                        .as((k, h, f, e, c) -> edit("UPDATE multimodal_capabilities SET health_status = ?::capability_health,"
                                + " failure_count = ?, enabled = ?, cost_tier = ?::cost_tier, last_health_check = now()"
                                + " WHERE tool_id = ? AND provider = ?", h, f, e, c, k[0], k[1])),
                Combinators.combine(cap, words()).as((k, d) -> edit("INSERT INTO multimodal_capabilities (tool_id, provider, description)"
                        + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", k[0], k[1], d)));
    }

    private Arbitrary<Edit> promptEdits() {
        Arbitrary<UUID> id = Arbitraries.of(UUID.fromString(PROMPT_ID), UUID.fromString("00000000-0000-4000-8000-000000000001"));
        Arbitrary<String> name = Arbitraries.of("multimodal_critic", "critic_v2");
        return Arbitraries.oneOf(
                Arbitraries.just(edit("DELETE FROM prompts")),
                Combinators.combine(name, words(), Arbitraries.integers().between(1, 3)).as((n, c, v) -> edit(
                        "UPDATE prompts SET name = ?, content = ?, version = ? WHERE id = ?", n, c, v, UUID.fromString(PROMPT_ID))),
                id.map(i -> edit("UPDATE prompts SET id = ? WHERE name = 'multimodal_critic'", i)),
                Combinators.combine(id, name, words()).as((i, n, c) -> edit(
                        "INSERT INTO prompts (id, name, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", i, n, c)));
    }

    private static Arbitrary<String> words() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
    }

    private static Edit edit(String sql, Object... params) {
        return new Edit(sql, List.of(params));
    }

    /** Back to the legacy seed rows, then the edits the database accepts, in one transaction. */
    private static void reset(List<Edit> edits) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE " + String.join(", ", SeedDatabases.TABLES) + " CASCADE");
                for (String table : SeedDatabases.TABLES) st.execute("INSERT INTO public." + table + " SELECT * FROM pristine." + table);
            }
            for (Edit e : edits) {
                Savepoint before = c.setSavepoint();
                try (PreparedStatement st = c.prepareStatement(e.sql())) {
                    for (int i = 0; i < e.params().size(); i++) st.setObject(i + 1, e.params().get(i));
                    st.execute();
                } catch (SQLException refused) {
                    // an edit the database refuses (e.g. a second prompt named alike) leaves a state nobody can reach
                    c.rollback(before);
                }
            }
            c.commit();
        }
    }
}
