package org.somaagent01.migrator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.connect.Dsn;

/** The fleet's scheduling, isolation and exit-code rule, without a database (the operations stand in for Migrator calls). */
class FleetTest {
    private static List<Dsn> dsns(int n) {
        List<Dsn> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(new Dsn("db.example", 5432, "tenant_" + i, "app", "pw", Map.of()));
        return l;
    }

    /** A fleet whose Migrator of each target remembers its database, so operations can tell them apart. */
    private static Fleet fleet(List<Dsn> targets, int parallel, List<String> made) {
        return new Fleet(targets, parallel, dsn -> {
            synchronized (made) { made.add(dsn.database()); }
            return null;
        });
    }

    @Test
    void neverMoreThanParallelDatabasesAtOnceAndEveryOneOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<String> made = new ArrayList<>();
        Fleet.Report<Integer> report = fleet(dsns(12), 3, made).run(m -> {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            Thread.sleep(30);
            inFlight.decrementAndGet();
            return now;
        }, r -> 0);
        assertEquals(12, report.outcomes().size());
        assertEquals(12, made.size(), "one Migrator per database");
        assertEquals(12, made.stream().distinct().count());
        assertTrue(peak.get() <= 3, "peak " + peak.get());
        assertTrue(peak.get() >= 2, "ran in parallel: peak " + peak.get());
        assertEquals(0, report.exitCode());
        assertTrue(report.summary().startsWith("12 databases: 12 ok, 0 failed in "), report.summary());
    }

    @Test
    void outcomesKeepTheOrderOfTheTargetsWhateverFinishesFirst() {
        List<Dsn> targets = dsns(6);
        AtomicInteger calls = new AtomicInteger();
        Fleet.Report<Integer> report = new Fleet(targets, 6, dsn -> null).run(m -> {
            int i = calls.getAndIncrement();
            Thread.sleep(60 - 10L * i);
            return i;
        }, r -> 0);
        for (int i = 0; i < 6; i++) assertEquals(targets.get(i), report.outcomes().get(i).dsn());
    }

    @Test
    void oneFailureIsItsOwnAndTheOthersComplete() {
        List<Dsn> targets = dsns(5);
        List<String> done = new ArrayList<>();
        Fleet fleet = new Fleet(targets, 2, dsn -> null);
        AtomicInteger n = new AtomicInteger();
        Fleet.Report<String> report = fleet.run(m -> {
            int i = n.getAndIncrement();
            if (i == 1) throw new MigratorException(ExitCode.MIGRATION_FAILED, "0002_x (up) failed: boom");
            if (i == 3) throw new IllegalStateException("unexpected");
            synchronized (done) { done.add("db" + i); }
            return "fine";
        }, r -> 0);
        assertEquals(3, done.size(), done.toString());
        assertEquals(3, report.outcomes().stream().filter(Fleet.Outcome::ok).count());
        List<Fleet.Outcome<String>> bad = report.notOk();
        assertEquals(2, bad.size());
        Fleet.Outcome<String> failed = bad.stream().filter(o -> o.exitCode() == 8).findFirst().orElseThrow();
        assertEquals("0002_x (up) failed: boom", failed.error());
        assertNull(failed.result());
        Fleet.Outcome<String> internal = bad.stream().filter(o -> o.exitCode() == 1).findFirst().orElseThrow();
        assertEquals("internal error: IllegalStateException: unexpected", internal.error());
        assertEquals(ExitCode.INTERNAL.code, report.exitCode(), "a bug outranks a failed script");
        assertTrue(report.summary().contains("3 ok, 2 failed (exit "), report.summary());
    }

    @Test
    void exitCodeIsTheHighestPriorityCodeAmongTheDatabases() {
        assertEquals(0, report(0, 0).exitCode());
        assertEquals(3, report(0, 3).exitCode(), "drift / pending alone: 3");
        assertEquals(5, report(3, 5, 0).exitCode(), "unreachable outranks pending");
        assertEquals(8, report(5, 8, 4).exitCode(), "a failed script outranks unreachable and lock");
        assertEquals(6, report(8, 6).exitCode(), "integrity (the scripts) outranks a failed statement");
        assertEquals(9, report(9, 10, 12).exitCode());
        for (ExitCode c : ExitCode.values()) {
            if (c != ExitCode.OK) assertTrue(Fleet.PRIORITY.contains(c), c + " has no fleet priority");
        }
    }

    private static Fleet.Report<Integer> report(int... codes) {
        AtomicInteger i = new AtomicInteger();
        return new Fleet(dsns(codes.length), 1, dsn -> null).run(m -> codes[i.getAndIncrement()], r -> r);
    }

    @Test
    void aDatabaseListedTwiceNoTargetsOrNoParallelismAreUsageErrors() {
        List<Dsn> twice = new ArrayList<>(dsns(3));
        twice.add(new Dsn("DB.example", 5432, "tenant_1", "other", "", Map.of()));
        MigratorException e = assertThrows(MigratorException.class, () -> new Fleet(twice, 2, d -> null));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("targets 2 and 4 are the same database (postgresql://other@DB.example:5432/tenant_1): list each "
                + "database once", e.getMessage());
        assertEquals(ExitCode.USAGE, assertThrows(MigratorException.class, () -> new Fleet(List.of(), 2, d -> null)).exitCode());
        assertEquals(ExitCode.USAGE, assertThrows(MigratorException.class, () -> new Fleet(dsns(2), 0, d -> null)).exitCode());
    }
}
