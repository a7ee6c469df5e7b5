package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code multimodal_job_plans}: task DSL plans of multimodal workflows, with status and budget. */
public final class MultimodalJobPlans extends PgTable {
    public static final MultimodalJobPlans TABLE = new MultimodalJobPlans();

    public final Column<UUID> id = withDefault(javaUuid("id"), "gen_random_uuid()");
    public final Column<String> tenantId = text("tenant_id");
    public final Column<String> sessionId = text("session_id");
    public final Column<String> requestId = nullable(text("request_id"));
    public final Column<JsonNode> planJson = jsonb("plan_json");
    public final Column<String> planVersion = withDefault(text("plan_version"), "'1.0'::text");
    public final Column<JobStatus> status = withDefault(pgEnum("status", JobStatus.PG_TYPE), "'pending'::job_status");
    public final Column<Integer> totalSteps = withDefault(integer("total_steps"), "0");
    public final Column<Integer> completedSteps = withDefault(integer("completed_steps"), "0");
    public final Column<Integer> budgetLimitCents = nullable(integer("budget_limit_cents"));
    public final Column<Integer> budgetUsedCents = withDefault(integer("budget_used_cents"), "0");
    public final Column<OffsetDateTime> startedAt = nullable(timestamptz("started_at"));
    public final Column<OffsetDateTime> completedAt = nullable(timestamptz("completed_at"));
    public final Column<String> errorMessage = nullable(text("error_message"));
    public final Column<JsonNode> errorDetails = nullable(jsonb("error_details"));
    public final Column<OffsetDateTime> createdAt = withDefault(timestamptz("created_at"), "now()");
    public final Column<OffsetDateTime> updatedAt = withDefault(timestamptz("updated_at"), "now()");

    {
        comment("Task DSL plans for multimodal workflows with status and budget tracking");
        primaryKey("multimodal_job_plans_pkey", id);
        index("idx_mm_plans_created").on(createdAt);
        index("idx_mm_plans_session").on(sessionId);
        index("idx_mm_plans_status").on(status);
        index("idx_mm_plans_tenant").on(tenantId);
        index("idx_mm_plans_tenant_status").on(tenantId, status, createdAt);
    }

    private MultimodalJobPlans() { super("multimodal_job_plans"); }
}
