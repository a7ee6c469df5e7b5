package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.somaagent01.migrator.apply.Sessions.connect;
import static org.somaagent01.migrator.apply.Sessions.exec;
import static org.somaagent01.migrator.apply.Sessions.holdReadLock;
import static org.somaagent01.migrator.apply.Sessions.pid;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.somaagent01.testdb.FreshDatabaseExtension;
import org.somaagent01.testdb.TestDatabase;

/** Who holds locks on a relation, however its name is written. One holder for the whole class. */
@ExtendWith(FreshDatabaseExtension.class)
class BlockersTest {
    private static Connection holder;
    private static Connection us;
    private static int holderPid;

    @BeforeAll
    static void holdLocks(TestDatabase db) throws Exception {
        us = connect(db, "migrator");
        exec(us, "CREATE SCHEMA app; CREATE TABLE app.events (id int); CREATE TABLE \"MixedCase\" (id int);"
                + "CREATE TABLE free (id int)");
        holder = connect(db, "blk_holder");
        holderPid = pid(holder);
        holdReadLock(holder, "app.events", "\"MixedCase\"");
        // ours too, to see that our own session is skipped
        us.setAutoCommit(false);
        holdReadLock(us, "app.events");
        us.commit();
        us.setAutoCommit(true);
    }

    @AfterAll
    static void release() throws Exception {
        holder.close();
        us.close();
    }

    @Test
    void schemaQualifiedName() throws Exception {
        for (String name : List.of("app.events", "APP.Events", " app . \"events\" ")) {
            List<Blockers.Blocker> found = Blockers.find(us, List.of(name), Duration.ofHours(1));
            assertEquals(List.of(holderPid), pids(found), name);
            Blockers.Blocker b = found.get(0);
            assertEquals("blk_holder", b.application());
            assertEquals("idle in transaction", b.state());
            assertNotNull(b.secondsInTransaction());
            assertEquals("SELECT count(*) FROM \"MixedCase\"", b.query());
        }
    }

    @Test
    void quotedMixedCaseName() throws Exception {
        for (String name : List.of("\"MixedCase\"", "public.\"MixedCase\"", "MixedCase", "mixedcase")) {
            assertEquals(List.of(holderPid), pids(Blockers.find(us, List.of(name), Duration.ofHours(1))), name);
        }
    }

    @Test
    void aRelationNobodyHoldsHasNoBlockers() throws Exception {
        assertEquals(List.of(), Blockers.find(us, List.of("free"), Duration.ZERO));
    }

    @Test
    void unknownNamesFallBackToOldTransactionsHoldingRelationLocks() throws Exception {
        for (List<String> names : List.of(List.<String>of(), List.of("no_such_table", "bad \"name"))) {
            assertEquals(List.of(holderPid), pids(Blockers.find(us, names, Duration.ZERO)), names.toString());
            assertEquals(List.of(), Blockers.find(us, names, Duration.ofHours(1)), "younger than the limit");
        }
    }

    @Test
    void theDescriptionNamesPidApplicationUserAndState() throws Exception {
        String d = Blockers.describe(Blockers.find(us, List.of("app.events"), Duration.ZERO));
        assertTrue(d.matches("pid " + holderPid + " \\(application 'blk_holder', user \\w+, idle in transaction for "
                + "\\d+ s: 'SELECT count\\(\\*\\) FROM \"MixedCase\"'\\)"), d);
    }

    private static List<Integer> pids(List<Blockers.Blocker> blockers) {
        return blockers.stream().map(Blockers.Blocker::pid).toList();
    }
}
