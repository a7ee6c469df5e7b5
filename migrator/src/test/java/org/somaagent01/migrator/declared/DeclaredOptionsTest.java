package org.somaagent01.migrator.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.IndexModel.IndexKey;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.schema.pg.PgTable;
import org.somaagent01.schema.pg.SchemaDeclaration;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** INCLUDE, NULLS order, NULLS NOT DISTINCT, ordered WITH and DEFERRABLE declared in the DSL reach the model and the server. */
class DeclaredOptionsTest {
    static final class Parents extends PgTable {
        final Column<Integer> id = integer("id");

        Parents() {
            super("parents");
            primaryKey("pk_parents", id);
        }
    }

    static final class Kids extends PgTable {
        final Column<Integer> id = integer("id");
        final Column<String> name = nullable(text("name"));
        final Column<Integer> rank = nullable(integer("rank"));
        final Column<Integer> parentId;

        Kids(Parents parents) {
            super("kids");
            parentId = references("parent_id", parents.id, ReferenceOption.CASCADE, "fk_kids_parent");
            primaryKey("pk_kids", id);
            unique("uq_kids_name", name);
            deferrable("uq_kids_name", true);
            deferrable("fk_kids_parent", false);
            index("ix_kids_rank").nullsFirst(rank).descNullsLast(id).include(name).with("fillfactor", "70")
                    .with("deduplicate_items", "off");
            index("ux_kids_name").unique().on(name).nullsNotDistinct();
        }
    }

    @Test
    void declaredOptionsReachTheModelAndTheServerKeepsThem() throws Exception {
        Parents parents = new Parents();
        SchemaModel declared = DeclaredSchema.toModel(new SchemaDeclaration(List.of(), List.of(),
                List.of(parents, new Kids(parents)), List.of(), List.of()));
        TableModel kids = declared.tables().get("kids");
        assertEquals(new KeyConstraint("uq_kids_name", List.of("name"), false, true, true), kids.uniques().get("uq_kids_name"));
        assertEquals(new ForeignKeyModel("fk_kids_parent", List.of("parent_id"), "parents", List.of("id"),
                ForeignKeyAction.CASCADE, ForeignKeyAction.NO_ACTION, false, true, false, false),
                kids.foreignKeys().get("fk_kids_parent"));
        assertEquals(new IndexModel("ix_kids_rank", false, "btree", List.of(new IndexKey("rank", null, false, null, "FIRST"),
                        new IndexKey("id", null, true, null, "LAST")), List.of("fillfactor=70", "deduplicate_items=off"), null,
                        List.of("name"), false), kids.indexes().get("ix_kids_rank"));
        assertEquals(true, kids.indexes().get("ux_kids_name").nullsNotDistinct());

        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                for (String sql : new Plan(Differ.diff(SchemaModel.EMPTY, declared)).upStatements()) st.execute(sql);
            }
            assertEquals(declared, new CatalogInspector("public").inspect(c));
        }
    }
}
