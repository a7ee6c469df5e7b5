package org.somaagent01.migrator.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.testdb.TestDatabase;

/** Shared test fixtures: the shipped scripts, the legacy dump, the reference catalog and its query. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    public static List<MigrationScript> shippedScripts() {
        return ScriptStore.load(ScriptSource.classpath(ScriptStore.CLASSPATH_PREFIX));
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("fidelity/" + name)) {
            if (in == null) throw new IllegalStateException("test resource fidelity/" + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference catalog of the legacy init scripts (shared/fidelity/reference-catalog.json). */
    public static JsonNode referenceCatalog() throws IOException {
        return JSON.readTree(resource("reference-catalog.json"));
    }

    /** The catalog of a live database as shared/fidelity/catalog.sql prints it (what compare.sh diffs). */
    public static JsonNode catalog(Connection c) throws SQLException, IOException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(resource("catalog.sql"))) {
            rs.next();
            return JSON.readTree(rs.getString(1));
        }
    }

    public static SchemaModel inspect(Connection c) throws SQLException {
        return new CatalogInspector("public").inspect(c);
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Restores shared/fidelity/legacy-dump.sql with psql (it uses COPY FROM stdin and psql meta-commands). */
    public static void restoreLegacyDump(TestDatabase db) throws IOException, InterruptedException {
        Path dump = Files.createTempFile("legacy-dump", ".sql");
        try {
            Files.writeString(dump, resource("legacy-dump.sql"));
            Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.uri(), "-f", dump.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("restoring legacy-dump.sql failed: " + output);
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }
}
