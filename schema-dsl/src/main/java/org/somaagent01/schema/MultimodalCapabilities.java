package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code multimodal_capabilities}: the registry of multimodal tools and models, with cost and health. */
public final class MultimodalCapabilities extends PgTable {
    public static final MultimodalCapabilities TABLE = new MultimodalCapabilities();

    public final Column<String> toolId = text("tool_id");
    public final Column<String> provider = text("provider");
    public final Column<String> tenantId = nullable(text("tenant_id"));
    public final Column<JsonNode> modalities = withDefault(jsonb("modalities"), "'[]'::jsonb");
    public final Column<JsonNode> inputSchema = withDefault(jsonb("input_schema"), "'{}'::jsonb");
    public final Column<JsonNode> outputSchema = withDefault(jsonb("output_schema"), "'{}'::jsonb");
    public final Column<JsonNode> constraints = withDefault(jsonb("constraints"), "'{}'::jsonb");
    public final Column<CostTier> costTier = withDefault(pgEnum("cost_tier", CostTier.PG_TYPE), "'medium'::cost_tier");
    public final Column<Integer> latencyP95Ms = nullable(integer("latency_p95_ms"));
    public final Column<CapabilityHealth> healthStatus =
            withDefault(pgEnum("health_status", CapabilityHealth.PG_TYPE), "'healthy'::capability_health");
    public final Column<OffsetDateTime> lastHealthCheck = nullable(timestamptz("last_health_check"));
    public final Column<Integer> failureCount = withDefault(integer("failure_count"), "0");
    public final Column<Boolean> enabled = withDefault(bool("enabled"), "true");
    public final Column<String> displayName = nullable(text("display_name"));
    public final Column<String> description = nullable(text("description"));
    public final Column<String> documentationUrl = nullable(text("documentation_url"));
    public final Column<OffsetDateTime> createdAt = withDefault(timestamptz("created_at"), "now()");
    public final Column<OffsetDateTime> updatedAt = withDefault(timestamptz("updated_at"), "now()");

    {
        comment("Registry of available multimodal tools/models with modality, cost, and health metadata");
        primaryKey("multimodal_capabilities_pkey", toolId, provider);
        index("idx_mm_caps_cost").on(costTier);
        index("idx_mm_caps_enabled").on(enabled).where("(enabled = true)");
        index("idx_mm_caps_health").on(healthStatus);
        index("idx_mm_caps_modalities").using("gin").on(modalities);
        index("idx_mm_caps_tenant").on(tenantId).where("(tenant_id IS NOT NULL)");
    }

    private MultimodalCapabilities() { super("multimodal_capabilities"); }
}
