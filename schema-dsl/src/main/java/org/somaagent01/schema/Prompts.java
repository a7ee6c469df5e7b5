package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code prompts}: named, versioned prompt templates. */
public final class Prompts extends PgTable {
    public static final Prompts TABLE = new Prompts();

    public final Column<UUID> id = javaUuid("id");
    public final Column<String> name = varchar("name", 255);
    public final Column<Integer> version = withDefault(integer("version"), "1");
    public final Column<String> content = text("content");
    public final Column<OffsetDateTime> createdAt = nullable(withDefault(timestamptz("created_at"), "now()"));
    public final Column<OffsetDateTime> updatedAt = nullable(withDefault(timestamptz("updated_at"), "now()"));

    {
        primaryKey("prompts_pkey", id);
        unique("prompts_name_key", name);
    }

    private Prompts() { super("prompts"); }
}
