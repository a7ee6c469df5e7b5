package org.somaagent01.testdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forces the third source of SPEC §7, whatever SA01_TEST_DSN says, so the fallback cannot rot unnoticed. */
class LocalClusterTest {

    @Test
    void startsAThrowawayClusterWithPgvectorAndDeletesItOnStop() throws Exception {
        Path bin = LocalCluster.findBinDir()
                .orElseThrow(() -> new AssertionError("no local PostgreSQL binaries: run scripts/setup-postgres.sh"));
        LocalCluster cluster = LocalCluster.start(bin);
        TestServer server = cluster.server();
        Path dir = cluster.directory().toRealPath();
        try (TestDatabase db = server.createDatabase()) {
            try (Connection c = db.connect()) {
                for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                    assertEquals(List.of("off"), DbQueries.strings(c, "SELECT current_setting(?)", setting), setting);
                }
                assertEquals(List.of("127.0.0.1"), DbQueries.strings(c, "SHOW listen_addresses"));
                String dataDir = DbQueries.strings(c, "SHOW data_directory").get(0);
                assertTrue(Path.of(dataDir).startsWith(dir), dataDir);
            }
            DbQueries.assertEmpty(db);
            DbQueries.assertVectorWorks(db);
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "not-" + db.password()).close(),
                    "TCP connections must need the password");
        } finally {
            cluster.stop();
        }
        assertFalse(Files.exists(dir), "cluster directory left behind: " + dir);
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password()).close(),
                "cluster still answers after stop");
    }
}
