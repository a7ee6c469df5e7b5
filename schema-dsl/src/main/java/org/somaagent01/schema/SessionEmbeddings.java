package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.ArrayList;
import java.util.Comparator;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.Op;
import org.jetbrains.exposed.v1.core.OpBuilderKt;
import org.jetbrains.exposed.v1.core.ResultRow;
import org.jetbrains.exposed.v1.core.SortOrder;
import org.jetbrains.exposed.v1.core.functions.vector.VectorDistance;
import org.jetbrains.exposed.v1.jdbc.Query;
import org.somaagent01.db.SomaDatabase;
import org.somaagent01.db.Tx;
import org.somaagent01.db.Vectors;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/**
 * {@code session_embeddings}: 384-dimension text embeddings per session, searched by cosine distance.
 * {@code session_id} has no foreign key: the legacy script pointed it at a {@code sessions} table that never
 * existed (the legacy statement failed), so the live schema never had that constraint.
 */
public final class SessionEmbeddings extends PgTable {
    public static final SessionEmbeddings TABLE = new SessionEmbeddings();

    public final Column<Long> id = bigserial("id");
    public final Column<UUID> sessionId = javaUuid("session_id");
    public final Column<String> text = text("text");
    public final Column<float[]> vector = nullable(vector("vector", 384));
    public final Column<JsonNode> metadata = nullable(withDefault(jsonb("metadata"), "'{}'::jsonb"));
    public final Column<OffsetDateTime> createdAt = nullable(withDefault(timestamptz("created_at"), "now()"));

    {
        primaryKey("session_embeddings_pkey", id);
        unique("session_embeddings_session_id_text_key", sessionId, text);
        index("ix_session_embeddings_vector").using("ivfflat").on(vector, "vector_cosine_ops").with("lists", "100");
    }

    private SessionEmbeddings() { super("session_embeddings"); }

    /** The ivfflat index on {@link #vector} (cosine, 100 lists). */
    public static final String VECTOR_INDEX = "ix_session_embeddings_vector";

    /**
     * How many of the index's 100 lists a search visits ({@code ivfflat.probes}): more lists, better recall, slower.
     * {@link #BALANCED} (the default) follows pgvector's advice of sqrt(lists); {@link #EXACT} visits every list,
     * which gives the exact answer, still through the index. Measured by {@code VectorSearchBench} (migrator tests)
     * on 20,000 synthetic clustered 384-dimension rows, top-10 over 200 queries, index rebuilt after the load:
     * recall@10 0.971 / 1.000 / 1.000 / 1.000 and p50 1.4 / 2.0 / 2.6 / 6.8 ms for 1 / 10 / 20 / 100 probes. Real
     * embeddings cluster less cleanly than this data: measure on your own before choosing {@link #FAST}.
     */
    public enum Recall {
        FAST(1), BALANCED(10), HIGH(20), EXACT(100);

        public final int probes;

        Recall(int probes) {
            this.probes = probes;
        }
    }

    /** One search result: the row and its cosine distance to the query (0 is the same direction). */
    public record Match(long id, UUID sessionId, String text, JsonNode metadata, double distance) {}

    /** The {@code k} rows nearest to {@code query} by cosine distance, nearest first, at {@link Recall#BALANCED}. */
    public List<Match> nearest(Tx tx, float[] query, int k) {
        return nearest(tx, query, k, null, Recall.BALANCED);
    }

    /** As {@link #nearest(Tx, float[], int)} within one session. */
    public List<Match> nearest(Tx tx, float[] query, int k, UUID session) {
        return nearest(tx, query, k, OpBuilderKt.eq(sessionId, session), Recall.BALANCED);
    }

    /**
     * The {@code k} rows that satisfy {@code filter} (null: all rows) nearest to {@code query}, nearest first.
     * Sets {@code ivfflat.probes} for this transaction only ({@code SET LOCAL}). With a filter it also turns on
     * pgvector's iterative index scan, so the filter cannot starve the result: without it, an index scan that
     * finds fewer than {@code k} matching rows in the probed lists returns fewer than {@code k}. Iterative scans may
     * return rows slightly out of order, so the result is sorted by distance here.
     */
    public List<Match> nearest(Tx tx, float[] query, int k, Op<Boolean> filter, Recall recall) {
        VectorDistance<float[]> distance = Vectors.cosineDistance(vector, query);
        List<Match> out = new ArrayList<>(k);
        for (ResultRow r : nearestQuery(tx, query, k, filter, recall)) {
            out.add(new Match(r.get(id), r.get(sessionId), r.get(text), r.get(metadata), r.get(distance)));
        }
        out.sort(Comparator.comparingDouble(Match::distance));
        return out;
    }

    /**
     * The query {@link #nearest(Tx, float[], int, Op, Recall)} runs, after setting this transaction's
     * {@code ivfflat} parameters: for {@code EXPLAIN}, or to select other columns. Its last column is the distance,
     * {@code Vectors.cosineDistance(vector, query)}.
     */
    public Query nearestQuery(Tx tx, float[] query, int k, Op<Boolean> filter, Recall recall) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1: " + k);
        if (query.length != 384) throw new IllegalArgumentException("the query has " + query.length + " dimensions, not 384");
        tx.exec("SET LOCAL ivfflat.probes = " + recall.probes);
        if (filter != null) tx.exec("SET LOCAL ivfflat.iterative_scan = relaxed_order");
        VectorDistance<float[]> distance = Vectors.cosineDistance(vector, query);
        Query q = tx.select(this, id, sessionId, text, metadata, distance);
        if (filter != null) q = q.where(filter);
        return q.orderBy(distance, SortOrder.ASC).limit(k);
    }

    /**
     * Rebuilds the vector index without blocking writes ({@code REINDEX INDEX CONCURRENTLY}), then refreshes the
     * planner's statistics. Run it after a bulk load: ivfflat picks its list centres when the index is built, and
     * an index built on an empty or much smaller table (as the migration builds it) sends most rows to a few lists,
     * which makes searches both slow and incomplete. Runs outside any transaction, on a connection of its own.
     */
    public static void rebuildVectorIndex(SomaDatabase db) {
        db.autocommit("REINDEX INDEX CONCURRENTLY " + VECTOR_INDEX, "ANALYZE session_embeddings");
    }
}
