package org.somaagent01.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kotlin.Pair;
import org.jetbrains.exposed.v1.core.IColumnType;
import org.jetbrains.exposed.v1.jdbc.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PGobject;
import org.somaagent01.db.SomaDatabase;
import org.somaagent01.db.Tx;
import org.somaagent01.db.Vectors;
import org.somaagent01.db.Where;
import org.somaagent01.migrator.Migrations;
import org.somaagent01.schema.SessionEmbeddings;
import org.somaagent01.schema.SessionEmbeddings.Match;
import org.somaagent01.schema.SessionEmbeddings.Recall;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Nearest-neighbour search through the API on a realistic volume (5,000 clustered rows, the index rebuilt after the
 * load and the table analyzed, default planner settings): the plan of the API's own query uses the ivfflat index,
 * LIMIT k returns k rows in order of the distances computed in Java, with and without a session filter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorSearchTest {
    private static final int ROWS = 5_000;
    private static final SessionEmbeddings EMB = SessionEmbeddings.TABLE;
    private final Embeddings gen = new Embeddings(42, 40);
    private final Map<Long, float[]> stored = new HashMap<>();
    private final UUID rare = UUID.randomUUID();
    private final UUID common = UUID.randomUUID();
    private TestDatabase tdb;
    private SomaDatabase db;

    @BeforeAll
    void load() throws Exception {
        tdb = TestServer.get().createDatabase();
        db = SomaDatabase.connect(tdb.uri());
        Migrations.migrate(db.getDataSource());
        List<float[]> vectors = IntStream.range(0, ROWS).mapToObj(i -> gen.next()).toList();
        db.inTx(tx -> tx.batchInsert(EMB, IntStream.range(0, ROWS).boxed().toList(), (r, i) -> {
            r.set(EMB.sessionId, i % 1000 == 0 ? rare : common);   // 5 rows in the rare session, spread over topics
            r.set(EMB.text, "chunk " + i);
            r.set(EMB.vector, vectors.get(i));
        }));
        // the migration built the index on an empty table: rebuild it on the data, as after any bulk load
        SessionEmbeddings.rebuildVectorIndex(db);
        db.readOnly(tx -> {
            for (var r : tx.select(EMB, EMB.id, EMB.text)) {
                stored.put(r.get(EMB.id), vectors.get(Integer.parseInt(r.get(EMB.text).substring(6))));
            }
            return null;
        });
    }

    @AfterAll
    void close() {
        db.close();
        tdb.close();
    }

    @Test
    void theApisQueryUsesTheIndex() {
        float[] q = gen.next();
        String plan = db.readOnly(tx -> explain(tx, EMB.nearestQuery(tx, q, 5, null, Recall.BALANCED)));
        assertTrue(plan.contains("Index Scan using " + SessionEmbeddings.VECTOR_INDEX), plan);
        // a session with most of the rows: the vector index, the filter applied while scanning it
        String filtered = db.readOnly(tx -> explain(tx, EMB.nearestQuery(tx, q, 5, Where.eq(EMB.sessionId, common), Recall.BALANCED)));
        assertTrue(filtered.contains("Index Scan using " + SessionEmbeddings.VECTOR_INDEX), filtered);
        // a session with 5 rows: the planner rightly reads them by session_id and sorts them, which is exact
        String rareOnly = db.readOnly(tx -> explain(tx, EMB.nearestQuery(tx, q, 5, Where.eq(EMB.sessionId, rare), Recall.BALANCED)));
        assertTrue(rareOnly.contains("Index Scan using session_embeddings_session_id_text_key"), rareOnly);
    }

    @Test
    void limitFiveReturnsTheFiveNearestInOrder() {
        for (int i = 0; i < 20; i++) {
            float[] q = gen.next();
            List<Match> exact = db.readOnly(tx -> EMB.nearest(tx, q, 5, null, Recall.EXACT));
            assertEquals(exactTop(q, 5, stored.keySet().stream().toList()), ids(exact), "all lists probed: the exact answer");
            List<Match> balanced = db.readOnly(tx -> EMB.nearest(tx, q, 5));
            assertEquals(5, balanced.size());
            for (Match m : balanced) assertEquals(Embeddings.cosineDistance(stored.get(m.id()), q), m.distance(), 1e-5);
            assertEquals(balanced.stream().sorted(Comparator.comparingDouble(Match::distance)).toList(), balanced);
        }
    }

    @Test
    void aSessionFilterStillGetsEveryMatchingRow() {
        // 5 of 5,000 rows, in different lists: a plain index scan over 10 of 100 lists would miss most of them
        List<Long> rareIds = db.readOnly(tx -> tx.selectWhere(EMB, Where.eq(EMB.sessionId, rare)).stream()
                .map(r -> r.get(EMB.id)).toList());
        assertEquals(5, rareIds.size());
        float[] q = gen.next();
        List<Match> found = db.readOnly(tx -> EMB.nearest(tx, q, 5, rare));
        assertEquals(exactTop(q, 5, rareIds), ids(found));
        assertTrue(found.stream().allMatch(m -> m.sessionId().equals(rare)));
    }

    @Test
    void recallAtTenOfTheDefaultSetting() {
        int queries = 50;
        int hits = 0;
        for (int i = 0; i < queries; i++) {
            float[] q = gen.next();
            List<Long> want = exactTop(q, 10, stored.keySet().stream().toList());
            List<Long> got = ids(db.readOnly(tx -> EMB.nearest(tx, q, 10)));
            hits += (int) got.stream().filter(want::contains).count();
        }
        double recall = hits / (queries * 10.0);
        System.out.printf("recall@10 at %s (probes=%d) over %d queries, %d rows: %.3f%n", Recall.BALANCED,
                Recall.BALANCED.probes, queries, ROWS, recall);
        assertTrue(recall >= 0.9, "recall@10 " + recall);
    }

    @Test
    void theThreeOperatorsAreTypedAndComputeWhatPgvectorDefines() {
        float[] q = gen.next();
        var cos = Vectors.cosineDistance(EMB.vector, q);
        var l2 = Vectors.l2Distance(EMB.vector, q);
        var ip = Vectors.negativeInnerProduct(EMB.vector, q);
        db.readOnly(tx -> {
            Query query = tx.select(EMB, EMB.id, cos, l2, ip).limit(3);
            String sql = query.prepareSQL(tx.exposed(), true);
            assertTrue(sql.contains("vector <=> ?") && sql.contains("vector <-> ?") && sql.contains("vector <#> ?"), sql);
            for (var r : query) {
                float[] v = stored.get(r.get(EMB.id));
                double dot = 0, sq = 0;
                for (int i = 0; i < v.length; i++) {
                    dot += (double) v[i] * q[i];
                    sq += ((double) v[i] - q[i]) * ((double) v[i] - q[i]);
                }
                Double cosine = r.get(cos);
                assertEquals(Embeddings.cosineDistance(v, q), cosine, 1e-5);
                assertEquals(Math.sqrt(sq), r.get(l2), 1e-3);
                assertEquals(-dot, r.get(ip), 1e-2);
            }
            return null;
        });
    }

    private List<Long> exactTop(float[] q, int k, List<Long> among) {
        return among.stream().sorted(Comparator.comparingDouble(id -> Embeddings.cosineDistance(stored.get(id), q)))
                .limit(k).collect(Collectors.toList());
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::id).toList();
    }

    /** EXPLAIN of exactly the SQL and parameters Exposed sends for {@code query}. */
    static String explain(Tx tx, Query query) {
        String sql = query.prepareSQL(tx.exposed(), true);
        Connection c = tx.jdbc();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            int i = 1;
            for (List<Pair<IColumnType<?>, Object>> group : query.arguments()) {
                for (Pair<IColumnType<?>, Object> arg : group) {
                    Object value = arg.getSecond();
                    if (value instanceof float[] v) {
                        PGobject o = new PGobject();
                        o.setType("vector");
                        o.setValue(Embeddings.text(v));
                        value = o;
                    }
                    ps.setObject(i++, value);
                }
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) lines.add(rs.getString(1));
            }
            // vector literals are 4 kB each: shown as […]
            return (sql + "\n" + String.join("\n", lines)).replaceAll("\\[[-0-9.,eE]+\\]", "[…]");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
