package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

class InvalidIndexRepairTest {
    @Test
    void readsTheIndexNameOfAConcurrentBuildOnly() {
        assertEquals("\"ux\"", InvalidIndexRepair.concurrentIndexName("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux ON t (v)"));
        assertEquals("\"app\".\"My Ix\"", InvalidIndexRepair.concurrentIndexName(
                "-- c\ncreate index /* x */ concurrently if not exists app.\"My Ix\" on t using btree (v)"));
        assertNull(InvalidIndexRepair.concurrentIndexName("CREATE INDEX IF NOT EXISTS ix ON t (v)"));
        assertNull(InvalidIndexRepair.concurrentIndexName("CREATE INDEX CONCURRENTLY ix ON t (v)"));
        assertNull(InvalidIndexRepair.concurrentIndexName("DROP INDEX CONCURRENTLY IF EXISTS ix"));
        assertNull(InvalidIndexRepair.concurrentIndexName("SELECT 1"));
    }

    @Test
    void aFailedConcurrentBuildIsDroppedAndBuiltAgainOnTheNextApply() throws Exception {
        List<MigrationScript> scripts = List.of(
                MigrationScript.of(1, "t", "CREATE TABLE t (id int PRIMARY KEY, v int);\nINSERT INTO t VALUES (1, 7), (2, 7);\n",
                        "DROP TABLE t;\n", Snapshots.write(SchemaModel.EMPTY)),
                MigrationScript.of(2, "ux", "-- migrator:segment no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux ON t (v);\n",
                        "-- migrator:segment no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS ux;\n", Snapshots.write(SchemaModel.EMPTY)));
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            List<String> log = new ArrayList<>();
            Applier applier = new Applier(ApplyOptions.defaults(), log::add);
            assertThrows(MigratorException.class, () -> applier.apply(c, scripts, null), "duplicate values");
            assertEquals("false", valid(c), "the failed build leaves an invalid index");

            execute(c, "DELETE FROM t WHERE id = 2");
            applier.apply(c, scripts, null);
            assertEquals("true", valid(c));
            assertEquals(1, log.stream().filter(l -> l.contains("index \"ux\" is invalid")).count(), log.toString());

            log.clear();
            applier.down(c, scripts, 1);
            applier.apply(c, scripts, null);
            assertTrue(log.stream().noneMatch(l -> l.contains("invalid")), "a valid index is left alone: " + log);
        }
    }

    private static String valid(Connection c) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indisvalid::text FROM pg_index WHERE indexrelid = to_regclass('ux')")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
