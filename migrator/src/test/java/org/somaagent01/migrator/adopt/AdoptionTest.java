package org.somaagent01.migrator.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.cli.Main;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.fidelity.Fixtures;
import org.somaagent01.migrator.history.AppliedVersion;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.testdb.Fidelity;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** A database the legacy init scripts built is taken over without DDL; a half-built one converges. */
class AdoptionTest {
    private static final List<MigrationScript> SCRIPTS = Fixtures.shippedScripts();

    /** Records every DDL command, through an event trigger in a schema of its own; the history schema is ours. */
    private static void recordDdl(Connection c) throws Exception {
        Fixtures.execute(c, """
                CREATE SCHEMA ddl_audit;
                CREATE TABLE ddl_audit.commands (tag text, schema_name text, identity text);
                CREATE FUNCTION ddl_audit.record() RETURNS event_trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO ddl_audit.commands
                    SELECT command_tag, schema_name, object_identity FROM pg_event_trigger_ddl_commands();
                END $$;
                CREATE EVENT TRIGGER ddl_audit ON ddl_command_end EXECUTE FUNCTION ddl_audit.record();
                """);
    }

    private static List<String> ddlInPublic(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tag || ' ' || coalesce(identity, '') FROM ddl_audit.commands "
                     + "WHERE coalesce(schema_name, identity) NOT IN ('migrator', 'ddl_audit')")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Test
    void legacyDatabaseDiffsToNothingAndIsAdoptedWithoutDdl() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Fidelity.restoreLegacyDump(db);
            try (Connection c = db.connect()) {
                var live = Fixtures.inspect(c);
                assertEquals(List.of(), Differ.diff(live, DeclaredSchema.soma()), "legacy → declared");
                assertEquals(List.of(), Differ.diff(live, Snapshots.head(SCRIPTS)), "legacy → head");

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int code = Main.run(new String[] {"diff", "--from", db.uri(), "--to", "declared", "--exit-code"},
                        new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream()), Map.of());
                assertEquals(0, code, "diff --exit-code finds no difference");
                assertEquals("", out.toString(StandardCharsets.UTF_8), "diff prints no SQL");

                recordDdl(c);
                Applier.Result result = new Applier(ApplyOptions.defaults(), line -> { }).apply(c, SCRIPTS, null);

                assertEquals(List.of(), ddlInPublic(c), "DDL run on the adopted schema");
                assertEquals(List.of(), result.applied());
                assertEquals(List.of("0001_initial_schema"), result.adopted());
                List<AppliedVersion> history = new SchemaHistory("migrator").read(c);
                assertEquals(List.of(AppliedVersion.ADOPTED), history.stream().map(AppliedVersion::how).toList());
                Fixtures.execute(c, "DROP EVENT TRIGGER ddl_audit; DROP SCHEMA ddl_audit CASCADE");
                assertEquals(Fixtures.referenceCatalog(), Fixtures.catalog(c));
            }
        }
    }

    @Test
    void partlyBuiltLegacySchemaConvergesToTheDeclaredOne() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            // as if the legacy scripts stopped after the enums and two tables
            Fixtures.execute(c, """
                    CREATE TYPE asset_type AS ENUM ('image', 'video', 'diagram', 'screenshot', 'document');
                    CREATE TYPE cost_tier AS ENUM ('free', 'low', 'medium', 'high', 'premium');
                    CREATE TABLE tool_catalog (name text PRIMARY KEY, description text NOT NULL,
                        parameters_schema jsonb NOT NULL, enabled boolean DEFAULT true,
                        cost_impact text DEFAULT 'low' CHECK (cost_impact IN ('low', 'medium', 'high')),
                        profiles text[] DEFAULT '{standard}', updated_at timestamptz DEFAULT now());
                    INSERT INTO tool_catalog (name, description, parameters_schema) VALUES ('kept', 'row', '{}');
                    """);
            new Applier(ApplyOptions.defaults(), line -> { }).apply(c, SCRIPTS, null);
            assertEquals(DeclaredSchema.soma(), Fixtures.inspect(c));
            assertEquals(Fixtures.referenceCatalog(), Fixtures.catalog(c));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM tool_catalog")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "existing rows survive");
            }
        }
    }
}
