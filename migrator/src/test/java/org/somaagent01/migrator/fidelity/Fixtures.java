package org.somaagent01.migrator.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.testdb.Fidelity;

/** Shared test fixtures: the shipped scripts, the reference catalog, catalog queries (files from {@link Fidelity}). */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    public static List<MigrationScript> shippedScripts() {
        return ScriptStore.load(ScriptSource.classpath(ScriptStore.CLASSPATH_PREFIX));
    }

    /** The reference catalog of the legacy init scripts (shared/fidelity/reference-catalog.json). */
    public static JsonNode referenceCatalog() throws IOException {
        return JSON.readTree(Fidelity.resource("reference-catalog.json"));
    }

    /** The catalog of a live database as shared/fidelity/catalog.sql prints it (what compare.sh diffs). */
    public static JsonNode catalog(Connection c) throws SQLException, IOException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(Fidelity.resource("catalog.sql"))) {
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
}
