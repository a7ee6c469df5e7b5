package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code multimodal_assets}: generated images, diagrams, videos and screenshots, inline or in object storage. */
public final class MultimodalAssets extends PgTable {
    public static final MultimodalAssets TABLE = new MultimodalAssets();

    public final Column<UUID> id = withDefault(javaUuid("id"), "gen_random_uuid()");
    public final Column<String> tenantId = text("tenant_id");
    public final Column<String> sessionId = nullable(text("session_id"));
    public final Column<AssetType> assetType = pgEnum("asset_type", AssetType.PG_TYPE);
    public final Column<String> format = text("format");
    public final Column<String> storagePath = nullable(text("storage_path"));
    public final Column<byte[]> content = nullable(bytea("content"));
    public final Column<Long> contentSizeBytes = withDefault(bigint("content_size_bytes"), "0");
    public final Column<String> checksumSha256 = text("checksum_sha256");
    public final Column<String> originalFilename = nullable(text("original_filename"));
    public final Column<String> mimeType = text("mime_type");
    public final Column<JsonNode> dimensions = nullable(jsonb("dimensions"));
    public final Column<JsonNode> metadata = withDefault(jsonb("metadata"), "'{}'::jsonb");
    public final Column<OffsetDateTime> createdAt = withDefault(timestamptz("created_at"), "now()");
    public final Column<OffsetDateTime> expiresAt = nullable(timestamptz("expires_at"));

    {
        comment("Stores generated multimodal assets (images, diagrams, videos, screenshots) with content or S3 reference");
        primaryKey("multimodal_assets_pkey", id);
        check("chk_storage_location", "((storage_path IS NOT NULL) OR (content IS NOT NULL))");
        index("idx_mm_assets_checksum").on(checksumSha256);
        index("idx_mm_assets_created").on(createdAt);
        index("idx_mm_assets_expires").on(expiresAt).where("(expires_at IS NOT NULL)");
        index("idx_mm_assets_session").on(sessionId).where("(session_id IS NOT NULL)");
        index("idx_mm_assets_tenant").on(tenantId);
        index("idx_mm_assets_type").on(assetType);
    }

    private MultimodalAssets() { super("multimodal_assets"); }
}
