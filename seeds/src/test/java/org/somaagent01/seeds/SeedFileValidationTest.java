package org.somaagent01.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.testdb.FreshDatabaseExtension;
import org.somaagent01.testdb.TestDatabase;

/** A data file that does not match its table: one-line message naming file, row and field; nothing written. */
@ExtendWith(FreshDatabaseExtension.class)
class SeedFileValidationTest {
    private final TestDatabase db;
    @TempDir Path dir;

    SeedFileValidationTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeAll
    static void schema(TestDatabase db) throws Exception {
        SeedDatabases.createSchema(db);
    }

    @BeforeEach
    void shippedFiles() throws Exception {
        TestDataDirs.copyShipped(dir);
    }

    @Test
    void unknownColumn() throws Exception {
        TestDataDirs.edit(dir, "tool_catalog", rows -> ((ObjectNode) rows.get(1)).put("descripton", "typo"));

        assertRejected("tool_catalog.json[1].descripton: no such column in tool_catalog (columns: name, description,"
                + " parameters_schema, enabled, cost_impact, profiles, updated_at)");
    }

    @Test
    void wrongType() throws Exception {
        TestDataDirs.edit(dir, "multimodal_capabilities", rows -> ((ObjectNode) rows.get(2)).put("failure_count", "zero"));

        assertRejected("multimodal_capabilities.json[2].failure_count: expected an integer, got string \"zero\"");
    }

    @Test
    void badEnumLabel() throws Exception {
        TestDataDirs.edit(dir, "multimodal_capabilities", rows -> ((ObjectNode) rows.get(3)).put("cost_tier", "platinum"));

        assertRejected("multimodal_capabilities.json[3].cost_tier: 'platinum' is not a label of enum type cost_tier"
                + " (labels: [free, low, medium, high, premium])");
    }

    @Test
    void invalidJson() throws Exception {
        TestDataDirs.write(dir, "prompts", "[\n  {\n    \"id\": \"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\",\n    \"name\": \"multimodal_critic\"\n  ,\n]\n");

        assertRejected("prompts.json: invalid JSON at line 6, column 1: Unexpected character (']' (code 93)):"
                + " was expecting double-quote to start field name");
    }

    @Test
    void missingKeyColumn() throws Exception {
        TestDataDirs.edit(dir, "multimodal_capabilities", rows -> ((ObjectNode) rows.get(4)).remove("provider"));

        assertRejected("multimodal_capabilities.json[4].provider: missing key column");
    }

    @Test
    void duplicateKey() throws Exception {
        TestDataDirs.edit(dir, "tool_catalog", rows -> ((ObjectNode) rows.get(1)).put("name", "document_ingest"));

        assertRejected("tool_catalog.json[1].name: same key as row 0 (document_ingest)");
    }

    private void assertRejected(String expectedMessage) throws Exception {
        assertEquals(expectedMessage, rejection().getMessage());
    }

    /** Loads and applies as the CLI does; the failure must come before anything reaches the seed tables. */
    private SeedValidationException rejection() throws Exception {
        var before = SeedDatabases.snapshot(db);
        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> Seeds.load(dir).apply(SeedDatabases.dataSource(db)));
        assertEquals(before, SeedDatabases.snapshot(db));
        assertEquals(0, before.get("tool_catalog").size() + before.get("multimodal_capabilities").size()
                + before.get("prompts").size(), "seed tables were empty before");
        return e;
    }
}
