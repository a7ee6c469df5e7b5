package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code tenant_tool_flags}: per-tenant switches over {@code tool_catalog}. */
public final class TenantToolFlags extends PgTable {
    public static final TenantToolFlags TABLE = new TenantToolFlags();

    public final Column<String> tenantId = text("tenant_id");
    public final Column<String> toolName = references("tool_name", ToolCatalog.TABLE.name, ReferenceOption.CASCADE,
            "tenant_tool_flags_tool_name_fkey");
    public final Column<Boolean> enabled = bool("enabled");
    public final Column<OffsetDateTime> updatedAt = nullable(withDefault(timestamptz("updated_at"), "now()"));

    {
        primaryKey("tenant_tool_flags_pkey", tenantId, toolName);
    }

    private TenantToolFlags() { super("tenant_tool_flags"); }
}
