package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code multimodal_outcomes}: step outcomes that feed the learning and ranking system. */
public final class MultimodalOutcomes extends PgTable {
    public static final MultimodalOutcomes TABLE = new MultimodalOutcomes();

    public final Column<UUID> id = withDefault(javaUuid("id"), "gen_random_uuid()");
    public final Column<UUID> planId = javaUuid("plan_id");
    public final Column<String> taskId = text("task_id");
    public final Column<String> stepType = text("step_type");
    public final Column<String> provider = text("provider");
    public final Column<String> model = text("model");
    public final Column<Boolean> success = bool("success");
    public final Column<Float> latencyMs = real("latency_ms");
    public final Column<Float> costCents = withDefault(real("cost_cents"), "0.0");
    public final Column<Float> qualityScore = nullable(real("quality_score"));
    public final Column<String> feedback = nullable(text("feedback"));
    public final Column<OffsetDateTime> timestamp = withDefault(timestamptz("timestamp"), "now()");

    {
        comment("Execution outcomes for SomaBrain learning system (Phase 6: Learning & Ranking)");
        primaryKey("multimodal_outcomes_pkey", id);
        check("chk_cost_positive", "(cost_cents >= (0)::double precision)");
        check("chk_latency_positive", "(latency_ms >= (0)::double precision)");
        check("chk_quality_range", "((quality_score IS NULL) OR ((quality_score >= (0.0)::double precision) "
                + "AND (quality_score <= (1.0)::double precision)))");
        index("idx_mm_outcomes_plan").on(planId);
        index("idx_mm_outcomes_provider").on(provider, success);
        index("idx_mm_outcomes_step_type").on(stepType).desc(timestamp);
        index("idx_mm_outcomes_success").on(success, stepType);
        index("idx_mm_outcomes_timestamp").desc(timestamp);
    }

    private MultimodalOutcomes() { super("multimodal_outcomes"); }
}
