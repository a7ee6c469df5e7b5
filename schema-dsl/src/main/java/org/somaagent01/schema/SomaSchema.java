package org.somaagent01.schema;

import java.util.List;
import org.somaagent01.schema.pg.PgFunction;
import org.somaagent01.schema.pg.PgTrigger;
import org.somaagent01.schema.pg.SchemaDeclaration;

/** The whole somaAgent01 schema, as the migrator reads it. Tables are listed in dependency order. */
public final class SomaSchema {
    private static final String TOUCH_UPDATED_AT = "\nBEGIN\n    NEW.updated_at = NOW();\n    RETURN NEW;\nEND;\n";

    public static final PgFunction MULTIMODAL_TOUCH_UPDATED_AT =
            PgFunction.trigger("multimodal_touch_updated_at", TOUCH_UPDATED_AT);
    public static final PgFunction TASK_REGISTRY_TOUCH_UPDATED_AT =
            PgFunction.trigger("task_registry_touch_updated_at", TOUCH_UPDATED_AT);

    public static final SchemaDeclaration DECLARATION = new SchemaDeclaration(
            List.of("vector"),
            List.of(AssetType.PG_TYPE, CapabilityHealth.PG_TYPE, CostTier.PG_TYPE, ExecutionStatus.PG_TYPE, JobStatus.PG_TYPE),
            List.of(TaskRegistry.TABLE, TaskArtifacts.TABLE, MultimodalAssets.TABLE, MultimodalCapabilities.TABLE,
                    MultimodalJobPlans.TABLE, MultimodalExecutions.TABLE, AssetProvenance.TABLE, MultimodalOutcomes.TABLE,
                    Prompts.TABLE, ToolCatalog.TABLE, TenantToolFlags.TABLE, SessionEmbeddings.TABLE),
            List.of(MULTIMODAL_TOUCH_UPDATED_AT, TASK_REGISTRY_TOUCH_UPDATED_AT),
            List.of(PgTrigger.beforeUpdate("task_registry_set_updated_at", TaskRegistry.TABLE, TASK_REGISTRY_TOUCH_UPDATED_AT),
                    PgTrigger.beforeUpdate("mm_capabilities_set_updated_at", MultimodalCapabilities.TABLE,
                            MULTIMODAL_TOUCH_UPDATED_AT),
                    PgTrigger.beforeUpdate("mm_job_plans_set_updated_at", MultimodalJobPlans.TABLE,
                            MULTIMODAL_TOUCH_UPDATED_AT)));

    private SomaSchema() {}
}
