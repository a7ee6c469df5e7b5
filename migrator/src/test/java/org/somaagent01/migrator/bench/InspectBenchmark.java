package org.somaagent01.migrator.bench;

import java.sql.Connection;
import java.util.Arrays;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Reports how long inspecting a schema of N tables (default 1,000) takes: a report, not a test, since timings
 * depend on the machine. Run with {@code scripts/bench-inspect.sh [tables] [runs]}.
 */
public final class InspectBenchmark {
    private InspectBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            long setUp = System.nanoTime();
            ManyTables.create(c, tables);
            System.out.printf("created %d tables in %d ms%n", tables, (System.nanoTime() - setUp) / 1_000_000);
            CatalogInspector inspector = new CatalogInspector("public");
            for (int i = 0; i < 3; i++) inspector.inspect(c); // warm-up: JIT and server caches
            long[] millis = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                int found = inspector.inspect(c).tables().size();
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                if (found != tables) throw new IllegalStateException("inspected " + found + " tables, expected " + tables);
            }
            Arrays.sort(millis);
            System.out.printf("inspect %d tables (%d queries each), %d runs: min %d ms, median %d ms, max %d ms%n",
                    tables, CatalogInspector.QUERY_COUNT, runs, millis[0], millis[runs / 2], millis[runs - 1]);
        }
    }
}
