package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code task_registry}: Celery tasks and tools the agent may call. */
public final class TaskRegistry extends PgTable {
    public static final TaskRegistry TABLE = new TaskRegistry();

    public final Column<String> name = text("name");
    public final Column<String> kind = text("kind");
    public final Column<String> modulePath = text("module_path");
    public final Column<String> callable = text("callable");
    public final Column<String> queue = text("queue");
    public final Column<String> rateLimit = nullable(text("rate_limit"));
    public final Column<Integer> maxRetries = nullable(integer("max_retries"));
    public final Column<Integer> softTimeLimit = nullable(integer("soft_time_limit"));
    public final Column<Integer> timeLimit = nullable(integer("time_limit"));
    public final Column<Boolean> enabled = withDefault(bool("enabled"), "true");
    public final Column<List<String>> tenantScope = nullable(withDefault(textArray("tenant_scope"), "'{}'::text[]"));
    public final Column<List<String>> personaScope = nullable(withDefault(textArray("persona_scope"), "'{}'::text[]"));
    public final Column<JsonNode> argSchema = withDefault(jsonb("arg_schema"), "'{}'::jsonb");
    public final Column<String> artifactHash = nullable(text("artifact_hash"));
    public final Column<List<String>> somaTags = nullable(withDefault(textArray("soma_tags"), "'{}'::text[]"));
    public final Column<String> createdBy = nullable(text("created_by"));
    public final Column<OffsetDateTime> createdAt = withDefault(timestamptz("created_at"), "now()");
    public final Column<OffsetDateTime> updatedAt = withDefault(timestamptz("updated_at"), "now()");

    {
        primaryKey("task_registry_pkey", name);
        check("task_registry_kind_check", "(kind = ANY (ARRAY['task'::text, 'tool'::text]))");
        index("task_registry_enabled_idx").on(enabled);
        index("task_registry_kind_idx").on(kind);
        index("task_registry_queue_idx").on(queue);
    }

    private TaskRegistry() { super("task_registry"); }
}
