package org.somaagent01.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.PgTable;

/** {@code task_artifacts}: signed task bundles by name and version. */
public final class TaskArtifacts extends PgTable {
    public static final TaskArtifacts TABLE = new TaskArtifacts();

    public final Column<UUID> id = withDefault(javaUuid("id"), "gen_random_uuid()");
    public final Column<String> name = text("name");
    public final Column<String> version = text("version");
    public final Column<String> storageUri = text("storage_uri");
    public final Column<String> sha256 = text("sha256");
    public final Column<String> signedBy = nullable(text("signed_by"));
    public final Column<OffsetDateTime> createdAt = withDefault(timestamptz("created_at"), "now()");

    {
        primaryKey("task_artifacts_pkey", id);
        unique("task_artifacts_unique", name, version);
    }

    private TaskArtifacts() { super("task_artifacts"); }
}
