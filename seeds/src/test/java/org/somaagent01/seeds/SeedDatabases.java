package org.somaagent01.seeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.somaagent01.testdb.Fidelity;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** Test databases with the somaAgent01 schema, and row snapshots of the seed tables. */
final class SeedDatabases {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Seed tables and the order their snapshots are sorted in. */
    static final Map<String, String> ORDER_BY = Map.of(
            "tool_catalog", "name", "multimodal_capabilities", "tool_id, provider", "prompts", "id");
    static final List<String> TABLES = List.of("tool_catalog", "multimodal_capabilities", "prompts");
    static final List<String> TIMESTAMPS = List.of("created_at", "updated_at", "last_health_check");

    // the migrator's generated script; seeds cannot depend on the migrator module (it depends on seeds)
    private static final Path UP_SCRIPT = Path.of("../migrator/src/main/resources/db/migration/0001_initial_schema.up.sql");

    private SeedDatabases() {}

    /** A fresh database with the declared schema and empty tables. */
    static TestDatabase emptySchema() throws IOException, SQLException {
        TestDatabase db = TestServer.get().createDatabase();
        createSchema(db);
        return db;
    }

    /** Runs the migrator's first up script in {@code db}. */
    static void createSchema(TestDatabase db) throws IOException, SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(Files.readString(UP_SCRIPT));
        }
    }

    /** A fresh database exactly as the legacy init scripts left it: schema and seed rows. */
    static TestDatabase legacy() throws IOException, InterruptedException {
        TestDatabase db = TestServer.get().createDatabase();
        Fidelity.restoreLegacyDump(db);
        return db;
    }

    static DataSource dataSource(TestDatabase db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        return ds;
    }

    /** Every row of every seed table with every column, as JSON: {table: [row, …]}. */
    static ObjectNode snapshot(TestDatabase db) throws SQLException, IOException {
        ObjectNode out = JSON.createObjectNode();
        try (Connection c = db.connect()) {
            for (String table : TABLES) out.set(table, rows(c, table));
        }
        return out;
    }

    /** The snapshot without the timestamp columns, which seeding does not set from the data files. */
    static ObjectNode withoutTimestamps(ObjectNode snapshot) {
        ObjectNode copy = snapshot.deepCopy();
        copy.forEach(rows -> rows.forEach(row -> ((ObjectNode) row).remove(TIMESTAMPS)));
        return copy;
    }

    static void execute(TestDatabase db, String sql, Object... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) st.setObject(i + 1, params[i]);
            st.execute();
        }
    }

    private static ArrayNode rows(Connection c, String table) throws SQLException, IOException {
        // table names come from TABLES, never from data
        String sql = "SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY " + ORDER_BY.get(table) + "), '[]') FROM " + table + " t";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return (ArrayNode) JSON.readTree(rs.getString(1));
        }
    }
}
