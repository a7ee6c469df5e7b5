package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code tool_catalog}: tools offered to agents, with their parameter schema and cost. */
public final class ToolCatalog extends PgTable {
    public static final ToolCatalog TABLE = new ToolCatalog();

    public final Column<String> name = text("name");
    public final Column<String> description = text("description");
    public final Column<JsonNode> parametersSchema = jsonb("parameters_schema");
    public final Column<Boolean> enabled = nullable(withDefault(bool("enabled"), "true"));
    public final Column<String> costImpact = nullable(withDefault(text("cost_impact"), "'low'::text"));
    public final Column<List<String>> profiles = nullable(withDefault(textArray("profiles"), "'{standard}'::text[]"));
    public final Column<OffsetDateTime> updatedAt = nullable(withDefault(timestamptz("updated_at"), "now()"));

    {
        primaryKey("tool_catalog_pkey", name);
        check("tool_catalog_cost_impact_check", "(cost_impact = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text]))");
    }

    private ToolCatalog() { super("tool_catalog"); }
}
