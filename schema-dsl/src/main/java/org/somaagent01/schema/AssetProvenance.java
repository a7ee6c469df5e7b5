package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code asset_provenance}: the generation context of each asset, for reproducibility and compliance. */
public final class AssetProvenance extends PgTable {
    public static final AssetProvenance TABLE = new AssetProvenance();

    public final Column<UUID> assetId = references("asset_id", MultimodalAssets.TABLE.id, ReferenceOption.CASCADE,
            "asset_provenance_asset_id_fkey");
    public final Column<String> requestId = nullable(text("request_id"));
    public final Column<UUID> executionId = nullable(references("execution_id", MultimodalExecutions.TABLE.id,
            ReferenceOption.SET_NULL, "asset_provenance_execution_id_fkey"));
    public final Column<UUID> planId = nullable(references("plan_id", MultimodalJobPlans.TABLE.id,
            ReferenceOption.SET_NULL, "asset_provenance_plan_id_fkey"));
    public final Column<String> userId = nullable(text("user_id"));
    public final Column<String> tenantId = text("tenant_id");
    public final Column<String> sessionId = nullable(text("session_id"));
    public final Column<String> promptSummary = nullable(text("prompt_summary"));
    public final Column<JsonNode> generationParams = withDefault(jsonb("generation_params"), "'{}'::jsonb");
    public final Column<String> toolId = text("tool_id");
    public final Column<String> provider = text("provider");
    public final Column<String> modelVersion = nullable(text("model_version"));
    public final Column<String> traceId = nullable(text("trace_id"));
    public final Column<String> spanId = nullable(text("span_id"));
    public final Column<Boolean> qualityGatePassed = nullable(bool("quality_gate_passed"));
    public final Column<Float> qualityScore = nullable(real("quality_score"));
    public final Column<Integer> reworkCount = withDefault(integer("rework_count"), "0");
    public final Column<OffsetDateTime> createdAt = withDefault(timestamptz("created_at"), "now()");

    {
        comment("Audit trail linking assets to generation context for reproducibility and compliance");
        primaryKey("asset_provenance_pkey", assetId);
        index("idx_prov_execution").on(executionId).where("(execution_id IS NOT NULL)");
        index("idx_prov_request").on(requestId).where("(request_id IS NOT NULL)");
        index("idx_prov_tenant").on(tenantId);
        index("idx_prov_tool").on(toolId, provider);
        index("idx_prov_trace").on(traceId).where("(trace_id IS NOT NULL)");
        index("idx_prov_user").on(userId).where("(user_id IS NOT NULL)");
    }

    private AssetProvenance() { super("asset_provenance"); }
}
