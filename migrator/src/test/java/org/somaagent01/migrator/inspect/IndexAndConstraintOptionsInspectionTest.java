package org.somaagent01.migrator.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.IndexModel.IndexKey;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Each index and constraint option, written by hand on the real server, is read into the model; and the model,
 * rendered from empty into a second database, inspects back to the same model (so the option survives a round trip
 * through the renderer) and through a snapshot.
 */
class IndexAndConstraintOptionsInspectionTest {
    private static TestDatabase source;
    private static TestDatabase target;
    private static Connection s;
    private static Connection t;

    @BeforeAll
    static void open() throws SQLException {
        source = TestServer.get().createDatabase();
        target = TestServer.get().createDatabase();
        s = source.connect();
        t = target.connect();
        s.setAutoCommit(true);
        t.setAutoCommit(true);
    }

    @AfterAll
    static void close() throws SQLException {
        s.close();
        t.close();
        source.close();
        target.close();
    }

    @BeforeEach
    void reset() throws SQLException {
        for (Connection c : List.of(s, t)) exec(c, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String q : sql) st.execute(q);
        }
    }

    /** Runs the DDL, inspects, rebuilds the model elsewhere through the renderer and a snapshot; returns the table. */
    private static TableModel roundTrip(String table, String... ddl) throws SQLException {
        exec(s, ddl);
        SchemaModel model = new CatalogInspector("public").inspect(s);
        assertEquals(model, Snapshots.read(Snapshots.write(model), "test"), "through a snapshot");
        Plan plan = new Plan(Differ.diff(SchemaModel.EMPTY, model));
        try (Statement st = t.createStatement()) {
            for (String q : plan.upStatements()) st.execute(q);
        }
        SchemaModel rebuilt = new CatalogInspector("public").inspect(t);
        assertEquals(model, rebuilt, "rebuilt from\n" + String.join(";\n", plan.upStatements()));
        assertEquals(List.of(), new UnmodelledObjects("public", "migrator").find(s), "nothing left outside the model");
        return model.tables().get(table);
    }

    @Test
    void includeColumns() throws SQLException {
        TableModel m = roundTrip("t", "CREATE TABLE t (a integer, b text, c date)", "CREATE INDEX ix ON t (a) INCLUDE (c, b)");
        IndexModel ix = m.indexes().get("ix");
        assertEquals(List.of("a"), ix.keys().stream().map(IndexKey::expression).toList());
        assertEquals(List.of("c", "b"), ix.include());
    }

    @Test
    void nullsOrderOnlyWhenNotTheDefault() throws SQLException {
        TableModel m = roundTrip("t", "CREATE TABLE t (a integer, b integer, c integer, d integer)",
                "CREATE INDEX ix ON t (a NULLS FIRST, b DESC NULLS LAST, c DESC NULLS FIRST, d NULLS LAST)");
        List<IndexKey> keys = m.indexes().get("ix").keys();
        assertEquals("FIRST", keys.get(0).nulls());
        assertEquals("LAST", keys.get(1).nulls());
        assertNull(keys.get(2).nulls(), "NULLS FIRST is DESC's default");
        assertNull(keys.get(3).nulls(), "NULLS LAST is ASC's default");
        assertEquals(new IndexKey("c", null, true), keys.get(2));
    }

    @Test
    void perKeyCollationOnlyWhenNotTheColumnsOrTypes() throws SQLException {
        // (a column's own collation is outside the model: the columns here have their type's)
        TableModel m = roundTrip("t", "CREATE TABLE t (a text, b character varying(9))",
                "CREATE INDEX ix ON t (a COLLATE \"C\", b, (lower(a)) COLLATE \"POSIX\", (lower(a)), b COLLATE \"default\")");
        List<IndexKey> keys = m.indexes().get("ix").keys();
        assertEquals("C", keys.get(0).collation());
        assertNull(keys.get(1).collation(), "the column's own collation");
        assertEquals("POSIX", keys.get(2).collation());
        assertNull(keys.get(3).collation(), "the expression's own collation");
        assertNull(keys.get(4).collation(), "the column's own collation, spelled out");
    }

    @Test
    void storageParametersKeepTheirDeclaredOrder() throws SQLException {
        TableModel m = roundTrip("t", "CREATE TABLE t (a integer)",
                "CREATE INDEX ix_a ON t (a) WITH (fillfactor = 70, deduplicate_items = off)",
                "CREATE INDEX ix_b ON t (a) WITH (deduplicate_items = off, fillfactor = 70)");
        assertEquals(List.of("fillfactor=70", "deduplicate_items=off"), m.indexes().get("ix_a").with());
        assertEquals(List.of("deduplicate_items=off", "fillfactor=70"), m.indexes().get("ix_b").with());
        assertFalse(m.indexes().get("ix_a").equals(new IndexModel("ix_a", false, "btree", m.indexes().get("ix_a").keys(),
                m.indexes().get("ix_b").with(), null)), "another order is another index");
    }

    @Test
    void uniqueIndexNullsNotDistinct() throws SQLException {
        TableModel m = roundTrip("t", "CREATE TABLE t (a integer)", "CREATE UNIQUE INDEX ux ON t (a) NULLS NOT DISTINCT",
                "CREATE UNIQUE INDEX ux_plain ON t (a)");
        assertTrue(m.indexes().get("ux").nullsNotDistinct());
        assertFalse(m.indexes().get("ux_plain").nullsNotDistinct());
    }

    @Test
    void deferrableKeys() throws SQLException {
        TableModel m = roundTrip("t", "CREATE TABLE t (id integer, a integer, b integer, "
                + "CONSTRAINT pk PRIMARY KEY (id) DEFERRABLE, CONSTRAINT uq_a UNIQUE (a) DEFERRABLE INITIALLY DEFERRED, "
                + "CONSTRAINT uq_b UNIQUE NULLS NOT DISTINCT (b))");
        assertEquals(new KeyConstraint("pk", List.of("id"), false, true, false), m.primaryKey());
        assertEquals(new KeyConstraint("uq_a", List.of("a"), false, true, true), m.uniques().get("uq_a"));
        assertEquals(new KeyConstraint("uq_b", List.of("b"), true, false, false), m.uniques().get("uq_b"));
    }

    @Test
    void foreignKeyOptions() throws SQLException {
        TableModel m = roundTrip("c", "CREATE TABLE p (id integer PRIMARY KEY, k integer, UNIQUE (id, k))",
                "CREATE TABLE c (id integer, p_id integer, p_k integer)",
                "ALTER TABLE c ADD CONSTRAINT fk_full FOREIGN KEY (p_id, p_k) REFERENCES p (id, k) MATCH FULL",
                "ALTER TABLE c ADD CONSTRAINT fk_deferred FOREIGN KEY (p_id) REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED",
                "ALTER TABLE c ADD CONSTRAINT fk_new FOREIGN KEY (id) REFERENCES p (id) ON DELETE CASCADE DEFERRABLE NOT VALID");
        ForeignKeyModel full = m.foreignKeys().get("fk_full");
        assertTrue(full.matchFull() && !full.deferrable() && !full.notValid());
        ForeignKeyModel deferred = m.foreignKeys().get("fk_deferred");
        assertTrue(!deferred.matchFull() && deferred.deferrable() && deferred.initiallyDeferred() && !deferred.notValid());
        ForeignKeyModel fresh = m.foreignKeys().get("fk_new");
        assertTrue(fresh.deferrable() && !fresh.initiallyDeferred() && fresh.notValid());
    }

    @Test
    void notValidChecksEvenOnANewTable() throws SQLException {
        TableModel m = roundTrip("t", "CREATE TABLE t (a integer)", "INSERT INTO t VALUES (-1)",
                "ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0) NOT VALID",
                "ALTER TABLE t ADD CONSTRAINT ck_b CHECK (a < 100)");
        assertEquals(new CheckModel("ck_a", "(a > 0)", true), m.checks().get("ck_a"));
        assertFalse(m.checks().get("ck_b").notValid());
    }

    @Test
    void exclusionConstraintsAsPostgresqlPrintsThem() throws SQLException {
        TableModel m = roundTrip("t", "CREATE TABLE t (id integer, during tsrange, n integer)",
                "ALTER TABLE t ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (id > 0)",
                "ALTER TABLE t ADD CONSTRAINT one_n EXCLUDE USING btree (n WITH =) DEFERRABLE INITIALLY DEFERRED");
        assertEquals(new ExclusionModel("no_overlap", "EXCLUDE USING gist (during WITH &&) WHERE ((id > 0))"),
                m.exclusions().get("no_overlap"));
        assertEquals(new ExclusionModel("one_n", "EXCLUDE USING btree (n WITH =) DEFERRABLE INITIALLY DEFERRED"),
                m.exclusions().get("one_n"));
        assertTrue(m.indexes().isEmpty(), "the index of an exclusion constraint belongs to the constraint");
    }

    @Test
    void anInvalidIndexIsNotModelledButReported() throws SQLException {
        exec(s, "CREATE TABLE t (a integer)", "INSERT INTO t VALUES (1), (1)");
        try {
            exec(s, "CREATE UNIQUE INDEX CONCURRENTLY ux ON t (a)");
            throw new AssertionError("the build should fail on the duplicate");
        } catch (SQLException expected) {
            // leaves ux behind, invalid
        }
        assertTrue(new CatalogInspector("public").inspect(s).tables().get("t").indexes().isEmpty());
        List<UnmodelledObjects.Unmodelled> found = new UnmodelledObjects("public", "migrator").find(s);
        assertEquals(1, found.size(), found.toString());
        assertEquals("invalid index", found.get(0).kind());
        assertEquals("ux", found.get(0).name());
    }

    @Test
    void snapshotsWithoutTheOptionsReadBackEqualAndAbsentOptionsAreNotWritten() throws SQLException {
        exec(s, "CREATE TABLE t (id integer, a text, CONSTRAINT pk PRIMARY KEY (id), CONSTRAINT ck CHECK (id > 0))",
                "CREATE INDEX ix ON t USING btree (a DESC) WITH (fillfactor = 80)");
        SchemaModel model = new CatalogInspector("public").inspect(s);
        String json = Snapshots.write(model);
        for (String option : List.of("include", "nullsNotDistinct", "deferrable", "initiallyDeferred", "notValid",
                "matchFull", "exclusions", "collation", "\"nulls\"")) {
            assertFalse(json.contains(option), option + " written though absent:\n" + json);
        }
        assertTrue(json.contains("\"with\" : {\n            \"fillfactor\" : \"80\"\n          }"), json);
        assertEquals(model, Snapshots.read(json, "test"));
    }
}
