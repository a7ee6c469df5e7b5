package org.somaagent01.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.somaagent01.db.Where.and;
import static org.somaagent01.db.Where.eq;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jetbrains.exposed.v1.core.ResultRow;
import org.junit.jupiter.api.Test;
import org.somaagent01.db.SomaDatabase;
import org.somaagent01.migrator.Migrations;
import org.somaagent01.schema.CapabilityHealth;
import org.somaagent01.schema.CostTier;
import org.somaagent01.schema.MultimodalCapabilities;
import org.somaagent01.schema.SessionEmbeddings;
import org.somaagent01.schema.SessionEmbeddings.Match;
import org.somaagent01.schema.SessionEmbeddings.Recall;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** The README's examples, word for word between the markers, so they compile and run. */
class ReadmeExamplesTest {
    record Chunk(String text, float[] vector) {}

    @Test
    void examples() throws Exception {
        try (TestDatabase tdb = TestServer.get().createDatabase(); SomaDatabase db = SomaDatabase.connect(tdb.uri())) {
            Migrations.migrate(db.getDataSource());
            assertEquals(List.of("dalle3"), connectTransactQuery(db));
            Embeddings gen = new Embeddings(1, 10);
            List<Chunk> chunks = IntStream.range(0, 300).mapToObj(i -> new Chunk("c" + i, gen.next())).toList();
            List<List<Match>> found = vectors(db, chunks, UUID.randomUUID(), gen.next());
            assertEquals(List.of(5, 5, 0), found.stream().map(List::size).toList());
        }
    }

    private static List<String> connectTransactQuery(SomaDatabase db) {
        // README: connect, transact, query (inside try (SomaDatabase db = SomaDatabase.connect()) { … })
        MultimodalCapabilities caps = MultimodalCapabilities.TABLE;
        ResultRow row = db.tx(tx -> tx.insert(caps, r -> {            // INSERT … RETURNING *: keys and defaults filled in
            r.set(caps.toolId, "dalle3");
            r.set(caps.provider, "openai");
            r.set(caps.costTier, CostTier.HIGH);
        }));
        CapabilityHealth health = row.get(caps.healthStatus);          // 'healthy', the column default
        List<String> healthy = db.readOnly(tx -> tx.selectWhere(caps, and(eq(caps.healthStatus, CapabilityHealth.HEALTHY),
                eq(caps.enabled, true))).stream().map(r -> r.get(caps.toolId)).toList());
        int updated = db.tx(tx -> tx.update(caps, eq(caps.toolId, "dalle3"), r -> r.set(caps.failureCount, 3)));
        db.inTx(tx -> tx.delete(caps, eq(caps.toolId, "dalle3")));   // inTx: a body without a result
        // README end
        assertEquals(CapabilityHealth.HEALTHY, health);
        assertEquals(1, updated);
        return healthy;
    }

    private static List<List<Match>> vectors(SomaDatabase db, List<Chunk> chunks, UUID session, float[] query) {
        // README: vector search
        SessionEmbeddings emb = SessionEmbeddings.TABLE;
        db.inTx(tx -> tx.batchInsert(emb, chunks, (r, c) -> {
            r.set(emb.sessionId, session); r.set(emb.text, c.text()); r.set(emb.vector, c.vector());   // float[384]
        }));
        SessionEmbeddings.rebuildVectorIndex(db);               // after a bulk load: REINDEX INDEX CONCURRENTLY, then ANALYZE
        List<Match> top5 = db.readOnly(tx -> emb.nearest(tx, query, 5));              // nearest first, with distances
        List<Match> mine = db.readOnly(tx -> emb.nearest(tx, query, 5, session));     // within one session
        List<Match> any = db.readOnly(tx -> emb.nearest(tx, query, 10, eq(emb.text, "x"), Recall.HIGH));
        // README end
        return List.of(top5, mine, any);
    }
}
