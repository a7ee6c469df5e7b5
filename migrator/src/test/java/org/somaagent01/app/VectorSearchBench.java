package org.somaagent01.app;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.util.PGobject;
import org.somaagent01.db.SomaDatabase;
import org.somaagent01.migrator.Migrations;
import org.somaagent01.schema.SessionEmbeddings;
import org.somaagent01.schema.SessionEmbeddings.Match;
import org.somaagent01.schema.SessionEmbeddings.Recall;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * By hand, not part of the suite (the name matches no surefire include; no timed assertions):
 * <pre>
 * SA01_TEST_DSN=postgresql://soma:soma@localhost:5432/postgres mvn -B -o -pl migrator -am test \
 *     -Dtest=VectorSearchBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rows=20000 -Dbench.queries=200
 * </pre>
 * Prints bulk-insert rows/s (API batch insert vs plain JDBC batch vs text COPY, same rows, same pool) and, per
 * ivfflat.probes, recall@10 against the exact answer and p50/p99 latency of top-10 queries through the API and
 * through plain JDBC with the same SQL.
 */
class VectorSearchBench {
    private static final SessionEmbeddings EMB = SessionEmbeddings.TABLE;

    @Test
    void run() throws Exception {
        int rows = Integer.getInteger("bench.rows", 20_000);
        int queries = Integer.getInteger("bench.queries", 200);
        double noise = Double.parseDouble(System.getProperty("bench.noise", "1.5"));
        Embeddings gen = new Embeddings(7, 100, noise);
        List<float[]> data = IntStream.range(0, rows).mapToObj(i -> gen.next()).toList();
        try (TestDatabase tdb = TestServer.get().createDatabase(); SomaDatabase db = SomaDatabase.connect(tdb.uri())) {
            Migrations.migrate(db.getDataSource());
            UUID session = UUID.randomUUID();
            List<Integer> idx = IntStream.range(0, rows).boxed().toList();

            double api = 0, jdbc = 0, copy = 0, binary = 0;
            for (int round = 0; round < 3; round++) {   // round 0 warms the JIT; the best of the other two counts
                truncate(db);
                long t0 = System.nanoTime();
                for (List<Integer> chunk : chunks(idx, 5_000)) {
                    db.inTx(tx -> tx.batchInsert(EMB, chunk, (r, i) -> {
                        r.set(EMB.sessionId, session);
                        r.set(EMB.text, "chunk " + i);
                        r.set(EMB.vector, data.get(i));
                    }));
                }
                double apiRate = rows / seconds(t0);
                long count = db.readOnly(tx -> tx.selectAll(EMB).count());
                if (count != rows) throw new AssertionError("API batch insert stored " + count + " rows, not " + rows);
                truncate(db);
                t0 = System.nanoTime();
                jdbcBatch(db, session, data);
                double jdbcRate = rows / seconds(t0);
                if (db.readOnly(tx -> tx.selectAll(EMB).count()) != rows) throw new AssertionError("JDBC batch lost rows");
                truncate(db);
                t0 = System.nanoTime();
                copyText(db, session, data);
                double copyRate = rows / seconds(t0);
                if (db.readOnly(tx -> tx.selectAll(EMB).count()) != rows) throw new AssertionError("text COPY lost rows");
                truncate(db);
                t0 = System.nanoTime();
                copyBinary(db, session, data);
                double binaryRate = rows / seconds(t0);
                if (db.readOnly(tx -> tx.selectAll(EMB).count()) != rows) throw new AssertionError("binary COPY lost rows");
                if (round > 0) {
                    binary = Math.max(binary, binaryRate);
                    api = Math.max(api, apiRate);
                    jdbc = Math.max(jdbc, jdbcRate);
                    copy = Math.max(copy, copyRate);
                }
            }
            System.out.printf("BENCH insert %d rows x 384: API batchInsert %.0f rows/s, JDBC batch %.0f rows/s (API/JDBC %.2f), "
                    + "text COPY %.0f rows/s (API/COPY %.2f), binary COPY %.0f rows/s (API/binary COPY %.2f)%n",
                    rows, api, jdbc, api / jdbc, copy, api / copy, binary, api / binary);

            long t0 = System.nanoTime();
            SessionEmbeddings.rebuildVectorIndex(db);
            System.out.printf("BENCH rebuildVectorIndex (REINDEX CONCURRENTLY + ANALYZE) on %d rows: %.1f s%n", rows, seconds(t0));

            List<Long> ids = new ArrayList<>();
            List<float[]> stored = new ArrayList<>();
            db.readOnly(tx -> {
                for (var r : tx.select(EMB, EMB.id, EMB.text)) {
                    ids.add(r.get(EMB.id));
                    stored.add(data.get(Integer.parseInt(r.get(EMB.text).substring(6))));
                }
                return null;
            });
            List<float[]> qs = IntStream.range(0, queries).mapToObj(i -> gen.next()).toList();
            List<List<Long>> truth = qs.stream().map(q -> exactTop(q, ids, stored)).toList();
            System.out.printf("BENCH %d queries, 100 topics, noise %.1f%n", queries, noise);
            System.out.println("BENCH probes | recall@10 | API p50 ms | API p99 ms | JDBC p50 ms | JDBC p99 ms");
            for (Recall recall : Recall.values()) {
                long[] apiNs = new long[queries];
                long[] jdbcNs = new long[queries];
                int hits = 0;
                for (int warm = 0; warm < 2; warm++) {
                    for (int i = 0; i < queries; i++) {
                        float[] q = qs.get(i);
                        List<Long> want = truth.get(i);
                        long s = System.nanoTime();
                        List<Match> got = db.readOnly(tx -> EMB.nearest(tx, q, 10, null, recall));
                        apiNs[i] = System.nanoTime() - s;
                        s = System.nanoTime();
                        jdbcTop10(db, q, recall.probes);
                        jdbcNs[i] = System.nanoTime() - s;
                        if (warm == 1) hits += (int) got.stream().filter(m -> want.contains(m.id())).count();
                    }
                }
                System.out.printf("BENCH %6d | %9.3f | %10.2f | %10.2f | %11.2f | %11.2f%n", recall.probes, hits / (queries * 10.0),
                        pct(apiNs, 50), pct(apiNs, 99), pct(jdbcNs, 50), pct(jdbcNs, 99));
            }
        }
    }

    private static void jdbcBatch(SomaDatabase db, UUID session, List<float[]> data) throws SQLException {
        try (Connection c = db.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_embeddings (session_id, text, vector) VALUES (?, ?, ?)")) {
                for (int i = 0; i < data.size(); i++) {
                    ps.setObject(1, session);
                    ps.setString(2, "chunk " + i);
                    PGobject v = new PGobject();
                    v.setType("vector");
                    v.setValue(Embeddings.text(data.get(i)));
                    ps.setObject(3, v);
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * COPY … (FORMAT binary): uuid as 16 bytes, text as UTF-8, vector in pgvector's binary form (int16 dimensions,
     * int16 unused, then float4s), all big-endian; the fastest way to load rows, the reference.
     */
    private static void copyBinary(SomaDatabase db, UUID session, List<float[]> data) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeBytes("PGCOPY\n");
        out.write(new byte[] {(byte) 0xFF, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(0);
        for (int i = 0; i < data.size(); i++) {
            out.writeShort(3);
            out.writeInt(16);
            out.writeLong(session.getMostSignificantBits());
            out.writeLong(session.getLeastSignificantBits());
            byte[] text = ("chunk " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
            float[] v = data.get(i);
            out.writeInt(4 + 4 * v.length);
            out.writeShort(v.length);
            out.writeShort(0);
            for (float f : v) out.writeFloat(f);
        }
        out.writeShort(-1);
        out.flush();
        try (Connection c = db.getDataSource().getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY session_embeddings (session_id, text, vector) FROM STDIN "
                    + "(FORMAT binary)", new java.io.ByteArrayInputStream(bytes.toByteArray()));
        }
    }

    private static void copyText(SomaDatabase db, UUID session, List<float[]> data) throws Exception {
        try (Connection c = db.getDataSource().getConnection()) {
            StringBuilder buf = new StringBuilder();
            for (int i = 0; i < data.size(); i++) {
                buf.append(session).append('\t').append("chunk ").append(i).append('\t').append(Embeddings.text(data.get(i))).append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY session_embeddings (session_id, text, vector) FROM STDIN", new StringReader(buf.toString()));
        }
    }

    private static void jdbcTop10(SomaDatabase db, float[] q, int probes) throws SQLException {
        try (Connection c = db.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ivfflat.probes = " + probes);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, session_id, text, metadata, vector <=> ?::vector(384) "
                    + "FROM session_embeddings ORDER BY vector <=> ?::vector(384) LIMIT 10")) {
                String v = Embeddings.text(q);
                ps.setString(1, v);
                ps.setString(2, v);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rs.getString(4);
                }
            }
            c.commit();
            c.setReadOnly(false);
            c.setAutoCommit(true);
        }
    }

    private static List<Long> exactTop(float[] q, List<Long> ids, List<float[]> stored) {
        Integer[] order = IntStream.range(0, ids.size()).boxed().toArray(Integer[]::new);
        double[] d = stored.stream().mapToDouble(v -> Embeddings.cosineDistance(v, q)).toArray();
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        return Arrays.stream(order).limit(10).map(ids::get).toList();
    }

    private static void truncate(SomaDatabase db) {
        db.autocommit("TRUNCATE session_embeddings");
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) out.add(all.subList(i, Math.min(all.size(), i + size)));
        return out;
    }

    private static double seconds(long startNs) {
        return (System.nanoTime() - startNs) / 1e9;
    }

    private static double pct(long[] ns, int p) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
