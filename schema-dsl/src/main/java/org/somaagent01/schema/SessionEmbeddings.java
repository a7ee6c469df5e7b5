package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
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
}
