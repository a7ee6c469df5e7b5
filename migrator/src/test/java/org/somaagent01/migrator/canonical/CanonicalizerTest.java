package org.somaagent01.migrator.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.connect.Connector;
import org.somaagent01.migrator.connect.Dsn;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.generate.ScriptGenerator;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

class CanonicalizerTest {
    private static final String SCHEMA = ApplyOptions.defaults().appSchema();

    /** The dev URL points at this database; the canonicalizer only uses it to create and drop its scratch one. */
    private static TestDatabase devDb;
    private static Dsn devUrl;

    private final List<String> log = new ArrayList<>();

    @BeforeAll
    static void devServer() {
        devDb = TestServer.get().createDatabase();
        devUrl = Dsn.parse(devDb.uri());
    }

    @AfterAll
    static void dropDevDb() {
        devDb.close();
    }

    private SchemaModel canonical(SchemaModel declared) {
        return new Canonicalizer(devUrl, SCHEMA, Connector.withDefaults(log::add), log::add).canonicalize(declared);
    }

    /** One table written the way people write SQL, not the way PostgreSQL prints it. */
    private static SchemaModel products(String check, String dflt, String predicate) {
        TableModel t = TableModel.of("products",
                List.of(new ColumnModel("id", "bigint", true, null),
                        new ColumnModel("price", "numeric", true, null),
                        new ColumnModel("created_at", "timestamp with time zone", true, dflt),
                        new ColumnModel("deleted_at", "timestamp with time zone", false, null)),
                new KeyConstraint("products_pkey", List.of("id")), List.of(),
                List.of(new CheckModel("products_price_positive", check)), List.of(),
                List.of(new IndexModel("products_live", false, "btree",
                        List.of(new IndexModel.IndexKey("id", null, false)), Map.of(), predicate)),
                List.of(), "what we sell");
        return SchemaModel.of(List.of(), List.of(), List.of(t), List.of());
    }

    private static final SchemaModel AS_WRITTEN = products("price > 0", "NOW()", "deleted_at is null");
    private static final SchemaModel AS_POSTGRES_PRINTS_IT =
            products("(price > (0)::numeric)", "now()", "(deleted_at IS NULL)");

    @Test
    void theSomaDeclarationsAreAlreadyCanonical() {
        // guards the DSL: anything it prints differently from PostgreSQL would be a change that never goes away
        SchemaModel declared = DeclaredSchema.soma();
        SchemaModel canonical = canonical(declared);
        assertEquals(List.of(), Differ.diff(declared, canonical));
        assertEquals(declared, canonical);
    }

    @Test
    void nonCanonicalTextsComeBackInPostgresFormsAndEverythingElseUnchanged() {
        assertNotEquals(AS_WRITTEN, AS_POSTGRES_PRINTS_IT);
        assertEquals(AS_POSTGRES_PRINTS_IT, canonical(AS_WRITTEN));
    }

    @Test
    void withCanonicalizationTheSecondGenerateWritesNothing(@TempDir Path canonicalDir, @TempDir Path rawDir)
            throws Exception {
        assertEquals("0001_initial",
                ScriptGenerator.generate(canonicalDir, "initial", canonical(AS_WRITTEN), Renames.NONE).written());
        ScriptGenerator.Result again = ScriptGenerator.generate(canonicalDir, "again", canonical(AS_WRITTEN), Renames.NONE);
        assertNull(again.written());
        assertEquals(List.of(), again.changes());
        // and the snapshot is what a database built from the script reports: verify and diff stay quiet too
        assertEquals(List.of(), Differ.diff(head(canonicalDir), live(canonicalDir)));

        // without it the raw declaration differs from the canonical snapshot: the change would never go away ...
        assertNotNull(ScriptGenerator.generate(canonicalDir, "raw", AS_WRITTEN, Renames.NONE).written());
        // ... and a snapshot written from the raw declaration never matches the database its script builds
        assertEquals("0001_initial", ScriptGenerator.generate(rawDir, "initial", AS_WRITTEN, Renames.NONE).written());
        assertEquals(List.of("DropIndex", "DropCheck", "SetColumnDefault", "AddCheck", "CreateIndex"),
                Differ.diff(head(rawDir), live(rawDir)).stream().map(c -> c.getClass().getSimpleName()).toList());
    }

    @Test
    void theScratchDatabaseIsDroppedAfterASuccessfulBuild() throws Exception {
        TreeSet<String> before = scratchDatabases();
        canonical(AS_WRITTEN);
        assertEquals(before, scratchDatabases());
        String scratch = scratchNameFromLog();
        assertFalse(before.contains(scratch), scratch);
    }

    @Test
    void aDeclarationPostgresRejectsFailsInOneLineAndTheScratchDatabaseIsStillDropped() throws Exception {
        TreeSet<String> before = scratchDatabases();
        MigratorException e = assertThrows(MigratorException.class,
                () -> canonical(products("pricee > 0", "now()", null)));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("PostgreSQL rejects the declared table products: column \"pricee\" does not exist"
                + " (hint: Perhaps you meant to reference the column \"products.price\".)",
                e.getMessage());
        assertEquals(before, scratchDatabases());
        assertFalse(before.contains(scratchNameFromLog()));
    }

    @Test
    void aRejectedIndexIsNamed() {
        MigratorException e = assertThrows(MigratorException.class,
                () -> canonical(products("price > 0", "now()", "deleted_at is nul")));
        assertTrue(e.getMessage().startsWith("PostgreSQL rejects the declared index products_live on products: syntax error"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aUserWhoMayNotCreateDatabasesIsToldSo() throws Exception {
        String role = "sa01_nocreatedb_" + Long.toHexString(System.nanoTime());
        try (Connection c = devDb.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw' NOCREATEDB");
            try {
                Dsn restricted = new Dsn(devUrl.host(), devUrl.port(), devUrl.database(), role, "pw", Map.of());
                MigratorException e = assertThrows(MigratorException.class, () -> new Canonicalizer(restricted, SCHEMA,
                        Connector.withDefaults(log::add), log::add).canonicalize(AS_WRITTEN));
                assertEquals(ExitCode.USAGE, e.exitCode());
                assertTrue(e.getMessage().startsWith("cannot create a scratch database on the dev server"), e.getMessage());
                assertTrue(e.getMessage().contains("permission denied to create database"), e.getMessage());
            } finally {
                st.execute("DROP ROLE " + role);
            }
        }
    }

    private String scratchNameFromLog() {
        // the canonicalizer says which scratch database it used; proves one existed and lets us look for it
        String line = log.stream().filter(l -> l.contains(Canonicalizer.SCRATCH_PREFIX)).findFirst().orElseThrow();
        String name = line.substring(line.indexOf(Canonicalizer.SCRATCH_PREFIX));
        assertTrue(name.matches(Canonicalizer.SCRATCH_PREFIX + "[0-9a-f]{16}"), line);
        return name;
    }

    private static TreeSet<String> scratchDatabases() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (Connection c = devDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'sa01\\_dev\\_%'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    private static SchemaModel head(Path dir) {
        return Snapshots.head(ScriptStore.load(ScriptSource.directory(dir)));
    }

    /** Runs the first script of {@code dir} on a fresh database and inspects the result. */
    private static SchemaModel live(Path dir) throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute(ScriptStore.load(ScriptSource.directory(dir)).get(0).upSql());
            }
            return new CatalogInspector(SCHEMA).inspect(c);
        }
    }
}
