package org.somaagent01.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.somaagent01.testdb.TestDatabase;

/**
 * A row the database rejects is named by file, row and key; {@link Seeds#applyWithin} writes inside the caller's
 * transaction and leaves it to the caller.
 */
class SeedRowFailureTest {
    @TempDir
    Path dir;

    /** The shipped files with echo's cost_impact outside tool_catalog_cost_impact_check (the JSON types are fine). */
    private Seeds violatingCheck() throws Exception {
        TestDataDirs.copyShipped(dir);
        TestDataDirs.edit(dir, "tool_catalog", rows -> ((ObjectNode) rows.get(1)).put("cost_impact", "extreme"));
        return Seeds.load(dir);
    }

    @Test
    void applyNamesTheRejectedRowAndWritesNothing() throws Exception {
        try (TestDatabase db = SeedDatabases.emptySchema()) {
            Seeds seeds = violatingCheck();
            SeedRowException e = assertThrows(SeedRowException.class, () -> seeds.apply(SeedDatabases.dataSource(db)));
            assertEquals("tool_catalog.json", e.file());
            assertEquals(1, e.row());
            assertEquals("name=echo", e.key());
            assertEquals("23514", e.getSQLState());
            assertEquals("tool_catalog_cost_impact_check",
                    ((PSQLException) SeedRowException.driverException(e)).getServerErrorMessage().getConstraint());
            assertTrue(e.getMessage().startsWith("tool_catalog.json row 1 (name=echo): ERROR: new row for relation "
                    + "\"tool_catalog\" violates check constraint \"tool_catalog_cost_impact_check\""), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertEquals(0, SeedDatabases.snapshot(db).get("tool_catalog").size(), "one transaction: nothing written");
        }
    }

    @Test
    void applyWithinWritesInTheCallersTransactionAndLeavesItOpen() throws Exception {
        try (TestDatabase db = SeedDatabases.emptySchema(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            SeedReport report = Seeds.load().applyWithin(c);
            assertEquals(8, report.changes(), report::toString);
            assertFalse(c.isClosed());
            assertEquals(2, count(c, "tool_catalog"), "the rows are there, in the open transaction");
            assertEquals(0, SeedDatabases.snapshot(db).get("tool_catalog").size(), "and nothing was committed");
            c.rollback();
            assertEquals(0, count(c, "tool_catalog"));
        }
    }

    @Test
    void afterARejectedRowASavepointMakesTheTransactionUsableAgain() throws Exception {
        try (TestDatabase db = SeedDatabases.emptySchema(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            Savepoint before = c.setSavepoint();
            Seeds seeds = violatingCheck();
            SeedRowException e = assertThrows(SeedRowException.class, () -> seeds.applyWithin(c));
            assertEquals(1, e.row());
            c.rollback(before);
            assertEquals(0, count(c, "tool_catalog"));
            c.rollback();
        }
    }

    @Test
    void applyWithinRefusesAConnectionInAutocommit() throws Exception {
        try (TestDatabase db = SeedDatabases.emptySchema(); Connection c = db.connect()) {
            assertThrows(IllegalStateException.class, () -> Seeds.load().applyWithin(c));
            assertEquals(0, count(c, "tool_catalog"));
        }
    }

    private static int count(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
