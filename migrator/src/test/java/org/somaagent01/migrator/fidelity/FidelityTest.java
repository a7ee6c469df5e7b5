package org.somaagent01.migrator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.apply.DriftReport;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.testdb.Fidelity;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** apply on an empty database yields exactly the schema the legacy init scripts produced. */
class FidelityTest {
    private static final List<MigrationScript> SCRIPTS = Fixtures.shippedScripts();

    @Test
    void applyOnEmptyDatabaseMatchesTheReferenceCatalog() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            new Applier(ApplyOptions.defaults(), line -> { }).apply(c, SCRIPTS, null);
            // the same check as shared/fidelity/compare.sh, with its own catalog query
            assertEquals(Fixtures.referenceCatalog(), Fixtures.catalog(c));
        }
    }

    @Test
    void ourInspectionSeesTheSameSchemaInTheLegacyDatabaseTheAppliedOneAndTheDeclaration() throws Exception {
        try (TestDatabase legacy = TestServer.get().createDatabase(); TestDatabase applied = TestServer.get().createDatabase()) {
            Fidelity.restoreLegacyDump(legacy);
            SchemaModel legacyModel;
            try (Connection c = legacy.connect()) {
                legacyModel = Fixtures.inspect(c);
            }
            SchemaModel appliedModel;
            try (Connection c = applied.connect()) {
                new Applier(ApplyOptions.defaults(), line -> { }).apply(c, SCRIPTS, null);
                appliedModel = Fixtures.inspect(c);
            }
            SchemaModel declared = DeclaredSchema.soma();
            assertEquals(List.of(), DriftReport.describe(legacyModel, declared), "declared vs legacy");
            assertEquals(legacyModel, declared);
            assertEquals(legacyModel, appliedModel);
            assertEquals(declared, Snapshots.head(SCRIPTS), "the newest snapshot is the declared schema");
            assertEquals(12, declared.tables().size());
            assertEquals(5, declared.enums().size());
            assertEquals(3, declared.triggers().size());
        }
    }

    @Test
    void aChangedIndexPredicateIsNoLongerEqual() throws Exception {
        SchemaModel declared = DeclaredSchema.soma();
        TableModel assets = declared.tables().get("multimodal_assets");
        IndexModel expires = assets.indexes().get("idx_mm_assets_expires");
        IndexModel changed = new IndexModel(expires.name(), expires.unique(), expires.method(), expires.keys(),
                expires.with(), "(expires_at IS NULL)");
        java.util.TreeMap<String, IndexModel> indexes = new java.util.TreeMap<>(assets.indexes());
        indexes.put(changed.name(), changed);
        TableModel changedTable = new TableModel(assets.name(), assets.columns(), assets.primaryKey(), assets.uniques(),
                assets.checks(), assets.foreignKeys(), indexes, assets.triggers(), assets.comment());
        java.util.TreeMap<String, TableModel> tables = new java.util.TreeMap<>(declared.tables());
        tables.put(changedTable.name(), changedTable);
        SchemaModel mutated = new SchemaModel(declared.extensions(), declared.enums(), tables, declared.functions());

        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            new Applier(ApplyOptions.defaults(), line -> { }).apply(c, SCRIPTS, null);
            SchemaModel live = Fixtures.inspect(c);
            assertNotEquals(mutated, live);
            assertTrue(DriftReport.describe(mutated, live).stream().anyMatch(l -> l.contains("idx_mm_assets_expires")),
                    DriftReport.describe(mutated, live).toString());
        }
    }
}
