package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.somaagent01.migrator.apply.Sessions.await;
import static org.somaagent01.migrator.apply.Sessions.columnExists;
import static org.somaagent01.migrator.apply.Sessions.connect;
import static org.somaagent01.migrator.apply.Sessions.exec;
import static org.somaagent01.migrator.apply.Sessions.holdReadLock;
import static org.somaagent01.migrator.apply.Sessions.pid;
import static org.somaagent01.migrator.apply.Sessions.value;
import static org.somaagent01.migrator.apply.Sessions.waitsForLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.testdb.FreshDatabaseExtension;
import org.somaagent01.testdb.TestDatabase;

/** DDL behind a long transaction, on the real server. Each test uses its own table of the class's database. */
@ExtendWith(FreshDatabaseExtension.class)
class LockRetryTest {
    private final TestDatabase db;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private ExecutorService threads;

    LockRetryTest(TestDatabase db) { this.db = db; }

    @BeforeEach
    void start() { threads = Executors.newCachedThreadPool(); }

    @AfterEach
    void stop() { threads.shutdownNow(); }

    @Test
    void applicationQueriesGetThroughWhileTheMigrationStillWaits() throws Exception {
        try (Connection a = connect(db, "report_job"); Connection m = connect(db, "migrator");
             Connection b = connect(db, "application"); Connection observer = connect(db, "observer")) {
            exec(observer, "CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
            holdReadLock(a, "t");
            int aPid = pid(a);
            int mPid = pid(m);
            m.setAutoCommit(false);
            LockRetry retry = new LockRetry(Duration.ofMillis(500), 30, log::add);
            AtomicInteger attempts = new AtomicInteger();
            Future<?> migration = threads.submit(() -> {
                retry.run(m, List.of("t"), "0002_add_x", () -> {
                    attempts.incrementAndGet();
                    exec(m, "ALTER TABLE t ADD COLUMN x int");
                    m.commit();
                });
                return null;
            });
            await(waitsForLock(observer, mPid), "the migration to wait for its lock");

            // queues behind the migration's pending ACCESS EXCLUSIVE request until that attempt gives up
            Future<String> select = threads.submit(() -> value(b, "SELECT count(*) FROM t"));
            assertEquals("1", select.get(1, TimeUnit.MINUTES));
            // B got through while the migration kept going: a later attempt waits for the lock again
            int seen = attempts.get();
            BooleanSupplier waits = waitsForLock(observer, mPid);
            await(() -> migration.isDone() || (attempts.get() > seen && waits.getAsBoolean()), "another attempt");
            assertFalse(migration.isDone(), "the migration ended when the application's query got through");

            a.commit();
            migration.get(1, TimeUnit.MINUTES);
            assertTrue(columnExists(observer, "t", "x"));
            assertFalse(log.isEmpty(), "each failed attempt is logged");
            String first = log.get(0);
            assertTrue(first.startsWith("0002_add_x: waiting for a lock on t held by pid " + aPid
                    + " (application 'report_job'"), first);
            assertTrue(first.matches(".*; retry 1/30 in \\d+ ms"), first);
        }
    }

    @Test
    void givesUpNamingTheBlockerAndLeavesTheTableAsItWas() throws Exception {
        try (Connection a = connect(db, "lockretry_holder"); Connection m = connect(db, "migrator")) {
            exec(m, "CREATE TABLE g (id int)");
            holdReadLock(a, "g");
            m.setAutoCommit(false);
            AtomicInteger attempts = new AtomicInteger();
            LockRetry retry = new LockRetry(Duration.ofMillis(300), 2, log::add);
            MigratorException e = assertThrows(MigratorException.class, () -> retry.run(m, List.of("g"), "0003_g", () -> {
                attempts.incrementAndGet();
                exec(m, "CREATE TABLE g_marker ()");
                exec(m, "ALTER TABLE g ADD COLUMN x int");
                m.commit();
            }));

            assertEquals(ExitCode.LOCK_TIMEOUT, e.exitCode());
            assertEquals(3, attempts.get(), "one attempt and two retries");
            String msg = e.getMessage();
            assertTrue(msg.startsWith("0003_g: gave up after 3 attempts of 300 ms each waiting for a lock on g; blocked by pid "
                    + pid(a) + " (application 'lockretry_holder', user " + db.user() + ", idle in transaction for "), msg);
            assertTrue(msg.contains(": 'SELECT count(*) FROM g')"), msg);
            assertTrue(msg.endsWith("; end that transaction or retry later (--ddl-lock-timeout, --ddl-lock-retries)"), msg);
            assertFalse(msg.contains("\n"), msg);
            assertInstanceOf(SQLException.class, e.getCause());
            assertEquals(2, log.size(), log.toString());
            assertTrue(log.get(1).contains("retry 2/2"), log.get(1));

            // rolled back, the session usable and outside a transaction, lock_timeout left as set
            m.setAutoCommit(true);
            assertNull(value(m, "SELECT to_regclass('g_marker')"), "the attempt's transaction was rolled back");
            assertFalse(columnExists(m, "g", "x"));
            assertEquals("300ms", value(m, "SHOW lock_timeout"));
            a.rollback();
        }
    }

    @Test
    void otherErrorsPropagateUnchangedWithoutRetry() throws Exception {
        try (Connection m = connect(db, "migrator")) {
            AtomicInteger attempts = new AtomicInteger();
            AtomicReference<SQLException> thrown = new AtomicReference<>();
            LockRetry retry = new LockRetry(Duration.ofMillis(300), 5, log::add);
            SQLException e = assertThrows(SQLException.class, () -> retry.run(m, List.of("t"), "0004_bad", () -> {
                attempts.incrementAndGet();
                try {
                    exec(m, "ALTR TABLE t ADD COLUMN y int");
                } catch (SQLException x) {
                    thrown.set(x);
                    throw x;
                }
            }));
            assertSame(thrown.get(), e);
            assertEquals("42601", e.getSQLState());
            assertEquals(1, attempts.get());
            assertEquals(List.of(), log);
        }
    }

    @Test
    void anAutocommitStatementIsRetriedUntilTheHolderEnds() throws Exception {
        try (Connection a = connect(db, "holder"); Connection m = connect(db, "migrator")) {
            exec(m, "CREATE TABLE ac (id int)");
            holdReadLock(a, "ac");
            LockRetry retry = new LockRetry(Duration.ofMillis(200), 50, log::add);
            Future<?> migration = threads.submit(() -> {
                retry.run(m, List.of("ac"), "0005_ac", () -> exec(m, "ALTER TABLE ac ADD COLUMN y int"));
                return null;
            });
            await(() -> !log.isEmpty(), "a failed attempt");
            assertFalse(migration.isDone());
            a.commit();
            migration.get(1, TimeUnit.MINUTES);
            assertTrue(columnExists(m, "ac", "y"));
        }
    }

    @Test
    void aFailedRollbackDoesNotHideTheLockTimeout() throws Exception {
        try (Connection a = connect(db, "holder"); Connection m = connect(db, "migrator")) {
            exec(m, "CREATE TABLE rb (id int)");
            holdReadLock(a, "rb");
            m.setAutoCommit(false);
            AtomicInteger attempts = new AtomicInteger();
            AtomicReference<SQLException> lockTimeout = new AtomicReference<>();
            LockRetry retry = new LockRetry(Duration.ofMillis(200), 5, log::add);
            SQLException e = assertThrows(SQLException.class, () -> retry.run(m, List.of("rb"), "0006_rb", () -> {
                attempts.incrementAndGet();
                try {
                    exec(m, "ALTER TABLE rb ADD COLUMN z int");
                } catch (SQLException x) {
                    lockTimeout.set(x);
                    m.close(); // the session is gone: rolling back fails
                    throw x;
                }
            }));
            assertSame(lockTimeout.get(), e);
            assertEquals(LockRetry.LOCK_NOT_AVAILABLE, e.getSQLState());
            assertEquals(1, e.getSuppressed().length, "the rollback failure is attached");
            assertEquals(1, attempts.get(), "no retry on a session in an unknown state");
            a.rollback();
        }
    }

    @Test
    void refusesToStartInsideAnOpenTransaction() throws Exception {
        try (Connection m = connect(db, "migrator")) {
            m.setAutoCommit(false);
            value(m, "SELECT 1");
            AtomicInteger attempts = new AtomicInteger();
            LockRetry retry = new LockRetry(Duration.ofMillis(300), 1, log::add);
            assertThrows(IllegalStateException.class, () -> retry.run(m, List.of(), "0007", attempts::incrementAndGet));
            assertEquals(0, attempts.get());
        }
    }
}
