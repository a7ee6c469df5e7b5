package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code multimodal_executions}: one row per attempt of a plan step. */
public final class MultimodalExecutions extends PgTable {
    public static final MultimodalExecutions TABLE = new MultimodalExecutions();

    public final Column<UUID> id = withDefault(javaUuid("id"), "gen_random_uuid()");
    public final Column<UUID> planId = references("plan_id", MultimodalJobPlans.TABLE.id, ReferenceOption.CASCADE,
            "multimodal_executions_plan_id_fkey");
    public final Column<Integer> stepIndex = integer("step_index");
    public final Column<String> tenantId = text("tenant_id");
    public final Column<String> toolId = text("tool_id");
    public final Column<String> provider = text("provider");
    public final Column<ExecutionStatus> status =
            withDefault(pgEnum("status", ExecutionStatus.PG_TYPE), "'pending'::execution_status");
    public final Column<Integer> attemptNumber = withDefault(integer("attempt_number"), "1");
    public final Column<UUID> assetId = nullable(references("asset_id", MultimodalAssets.TABLE.id,
            ReferenceOption.SET_NULL, "multimodal_executions_asset_id_fkey"));
    public final Column<Integer> latencyMs = nullable(integer("latency_ms"));
    public final Column<Integer> costEstimateCents = nullable(integer("cost_estimate_cents"));
    public final Column<Float> qualityScore = nullable(real("quality_score"));
    public final Column<JsonNode> qualityFeedback = nullable(jsonb("quality_feedback"));
    public final Column<String> errorCode = nullable(text("error_code"));
    public final Column<String> errorMessage = nullable(text("error_message"));
    public final Column<OffsetDateTime> startedAt = nullable(timestamptz("started_at"));
    public final Column<OffsetDateTime> completedAt = nullable(timestamptz("completed_at"));
    public final Column<OffsetDateTime> createdAt = withDefault(timestamptz("created_at"), "now()");

    {
        comment("Execution history per plan step for observability and learning");
        primaryKey("multimodal_executions_pkey", id);
        unique("uq_execution_step_attempt", planId, stepIndex, attemptNumber);
        index("idx_mm_exec_plan").on(planId);
        index("idx_mm_exec_quality").on(qualityScore).where("(quality_score IS NOT NULL)");
        index("idx_mm_exec_status").on(status);
        index("idx_mm_exec_tenant").on(tenantId);
        index("idx_mm_exec_tenant_status").on(tenantId, status, createdAt);
        index("idx_mm_exec_tool").on(toolId, provider);
    }

    private MultimodalExecutions() { super("multimodal_executions"); }
}
