package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.store.StatementClassifier;

/** Which statements are watched: those that can take long, by what they are, not by how they are spelled. */
class ProgressMonitorTest {
    private static ProgressMonitor.Work work(String sql) {
        return ProgressMonitor.work(StatementClassifier.classify(sql), sql);
    }

    @Test
    void longStatementsAreWatched() {
        assertEquals(ProgressMonitor.Work.CREATE_INDEX, work("CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)"));
        assertEquals(ProgressMonitor.Work.CREATE_INDEX, work("create unique index i on t (a)"));
        assertEquals(ProgressMonitor.Work.CREATE_INDEX, work("REINDEX INDEX CONCURRENTLY i"));
        assertEquals(ProgressMonitor.Work.CLUSTER, work("CLUSTER t USING i"));
        assertEquals(ProgressMonitor.Work.CLUSTER, work("VACUUM (FULL) t"));
        assertEquals(ProgressMonitor.Work.VALIDATE, work("ALTER TABLE t VALIDATE CONSTRAINT t_fk"));
        assertEquals(ProgressMonitor.Work.REWRITE, work("ALTER TABLE t ALTER COLUMN a TYPE bigint"));
    }

    @Test
    void shortStatementsAreNot() {
        assertNull(work("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID"));
        assertNull(work("ALTER TABLE t ADD COLUMN \"validate constraint\" integer"));
        assertNull(work("-- VALIDATE CONSTRAINT\nALTER TABLE t DROP CONSTRAINT c"));
        assertNull(work("VACUUM t"));
        assertNull(work("CREATE TABLE t (a integer)"));
        assertNull(work("SELECT 1"));
    }
}
