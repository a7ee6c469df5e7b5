package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jetbrains.exposed.v1.core.Column;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.declared.DeclaredRenames;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.schema.pg.PgEnumType;
import org.somaagent01.schema.pg.PgTable;
import org.somaagent01.schema.pg.PreviouslyNamed;
import org.somaagent01.schema.pg.SchemaDeclaration;

/** Rename markers in the DSL reach the differ as {@link Renames}. */
class DeclaredRenamesTest {
    enum Status {
        QUEUED,
        @PreviouslyNamed("finished") DONE,
        @PreviouslyNamed({"aborted", "failed"}) CANCELLED
    }

    static final class Kids extends PgTable {
        final Column<String> title = text("title");

        Kids() {
            super("kids");
            previouslyNamed("children");
            previouslyNamed(title, "name");
        }
    }

    @Test
    void markersBecomeRenames() {
        SchemaDeclaration declaration = new SchemaDeclaration(List.of(), List.of(PgEnumType.of("status", Status.class)),
                List.of(new Kids()), List.of(), List.of());
        assertEquals(new Renames(Map.of("kids", "children"), Map.of("kids", Map.of("title", "name")),
                Map.of("status", Map.of("finished", "done", "aborted", "cancelled", "failed", "cancelled"))),
                DeclaredRenames.of(declaration));
    }

    @Test
    void theSomaSchemaDeclaresNoRenamesYet() {
        assertEquals(Renames.NONE, DeclaredRenames.soma());
    }
}
