package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ExtensionPathsStepTest {
    @Test
    void whatAStatementDoesToAnExtensionsVersion() {
        assertEquals(new ExtensionPaths.Step("pg_trgm", "update", "1.3"), ExtensionPaths.step("ALTER EXTENSION pg_trgm UPDATE TO '1.3'"));
        assertEquals(new ExtensionPaths.Step("My Ext", "update", "2"), ExtensionPaths.step("alter extension \"My Ext\" update to '2'"));
        assertEquals(new ExtensionPaths.Step("vector", "create-if-absent", null),
                ExtensionPaths.step("CREATE EXTENSION IF NOT EXISTS vector"));
        assertEquals(new ExtensionPaths.Step("pg_trgm", "create", "1.3"),
                ExtensionPaths.step("CREATE EXTENSION pg_trgm WITH SCHEMA public VERSION '1.3' CASCADE"));
        assertEquals(new ExtensionPaths.Step("hstore", "drop", null), ExtensionPaths.step("DROP EXTENSION IF EXISTS hstore"));
        assertNull(ExtensionPaths.step("ALTER EXTENSION pg_trgm SET SCHEMA other"));
        assertNull(ExtensionPaths.step("CREATE TABLE extension (id integer)"));
    }
}
