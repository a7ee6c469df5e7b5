package org.somaagent01.migrator.erd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

class MermaidErdTest {
    private static ColumnModel col(String name, String type, boolean notNull) {
        return new ColumnModel(name, type, notNull, null);
    }

    private static ForeignKeyModel fk(String name, String column, String target) {
        return new ForeignKeyModel(name, List.of(column), target, List.of("id"), ForeignKeyAction.CASCADE, ForeignKeyAction.NO_ACTION);
    }

    private static TableModel table(String name, List<ColumnModel> columns, KeyConstraint pk, List<KeyConstraint> uniques,
                                    List<ForeignKeyModel> fks, List<IndexModel> indexes) {
        return TableModel.of(name, columns, pk, uniques, List.of(), fks, indexes, List.of(), null);
    }

    private static SchemaModel schema(TableModel... tables) {
        return SchemaModel.of(List.of(), List.of(), List.of(tables), List.of());
    }

    private static final TableModel PARENT = table("parent",
            List.of(col("id", "uuid", true), col("name", "text", true), col("notes", "text", false)),
            new KeyConstraint("parent_pkey", List.of("id")), List.of(new KeyConstraint("parent_name_key", List.of("name"))),
            List.of(), List.of());

    @Test
    void wholeDiagramOfAParentWithARequiredAndAnOptionalChild() {
        TableModel required = table("required_child",
                List.of(col("id", "bigint", true), col("parent_id", "uuid", true), col("at", "timestamp with time zone", true)),
                new KeyConstraint("required_child_pkey", List.of("id")), List.of(), List.of(fk("required_fk", "parent_id", "parent")),
                List.of());
        TableModel optional = table("optional_child",
                List.of(col("id", "bigint", true), col("parent_id", "uuid", false), col("price", "numeric(10,2)", false)),
                new KeyConstraint("optional_child_pkey", List.of("id")), List.of(), List.of(fk("optional_fk", "parent_id", "parent")),
                List.of());
        assertEquals("""
                erDiagram
                    parent |o--o{ optional_child : "parent_id"
                    parent ||--o{ required_child : "parent_id"
                    optional_child {
                        bigint id PK
                        uuid parent_id FK
                    }
                    parent {
                        uuid id PK
                        text name UK
                    }
                    required_child {
                        bigint id PK
                        uuid parent_id FK
                    }
                """, MermaidErd.render(schema(PARENT, required, optional)));
    }

    @Test
    void allColumnsShowsEveryColumnWithTypesMadeMermaidWords() {
        TableModel t = table("t", List.of(col("id", "bigint", true), col("at", "timestamp with time zone", true),
                        col("price", "numeric(10,2)", false), col("tags", "text[]", false), col("embedding", "vector(384)", false)),
                new KeyConstraint("t_pkey", List.of("id")), List.of(), List.of(), List.of());
        assertEquals("""
                erDiagram
                    t {
                        bigint id PK
                        timestamp_with_time_zone at
                        numeric(10_2) price
                        text[] tags
                        vector(384) embedding
                    }
                """, MermaidErd.render(schema(t), new MermaidErd.Options(false)));
    }

    @Test
    void aForeignKeyThatIsAlsoUniqueIsOneToOne() {
        TableModel byConstraint = table("profile",
                List.of(col("id", "bigint", true), col("parent_id", "uuid", true)),
                new KeyConstraint("profile_pkey", List.of("id")), List.of(new KeyConstraint("profile_parent_key", List.of("parent_id"))),
                List.of(fk("profile_fk", "parent_id", "parent")), List.of());
        TableModel byPrimaryKey = table("extension",
                List.of(col("parent_id", "uuid", true)), new KeyConstraint("extension_pkey", List.of("parent_id")), List.of(),
                List.of(fk("extension_fk", "parent_id", "parent")), List.of());
        TableModel byIndex = table("optional_one",
                List.of(col("id", "bigint", true), col("parent_id", "uuid", false)),
                new KeyConstraint("optional_one_pkey", List.of("id")), List.of(), List.of(fk("optional_one_fk", "parent_id", "parent")),
                List.of(new IndexModel("optional_one_parent_idx", true, "btree",
                        List.of(new IndexModel.IndexKey("parent_id", null, false)), Map.of(), null)));
        assertEquals("parent ||--o| profile : \"parent_id\"", MermaidErd.relationship(byConstraint, fk("profile_fk", "parent_id", "parent")));
        assertEquals("parent ||--o| extension : \"parent_id\"", MermaidErd.relationship(byPrimaryKey, fk("extension_fk", "parent_id", "parent")));
        assertEquals("parent |o--o| optional_one : \"parent_id\"", MermaidErd.relationship(byIndex, fk("optional_one_fk", "parent_id", "parent")));
        assertEquals("PK, FK", MermaidErd.markers(byPrimaryKey, "parent_id"));
        assertEquals("FK, UK", MermaidErd.markers(byConstraint, "parent_id"));
    }

    @Test
    void aForeignKeyInsideALargerKeyOrAPartialUniqueIndexIsStillOneToMany() {
        // (parent_id, step) is unique, parent_id alone is not: many rows per parent
        TableModel steps = table("step",
                List.of(col("parent_id", "uuid", true), col("step", "integer", true)),
                new KeyConstraint("step_pkey", List.of("parent_id", "step")), List.of(),
                List.of(fk("step_fk", "parent_id", "parent")), List.of());
        TableModel partial = table("current",
                List.of(col("id", "bigint", true), col("parent_id", "uuid", true), col("live", "boolean", true)),
                new KeyConstraint("current_pkey", List.of("id")), List.of(), List.of(fk("current_fk", "parent_id", "parent")),
                List.of(new IndexModel("current_live_idx", true, "btree",
                        List.of(new IndexModel.IndexKey("parent_id", null, false)), Map.of(), "live")));
        assertEquals("parent ||--o{ step : \"parent_id\"", MermaidErd.relationship(steps, fk("step_fk", "parent_id", "parent")));
        assertEquals("parent ||--o{ current : \"parent_id\"", MermaidErd.relationship(partial, fk("current_fk", "parent_id", "parent")));
        assertEquals("FK", MermaidErd.markers(partial, "parent_id"), "a partial unique index is no key");
    }

    @Test
    void aCompositeForeignKeyIsOptionalWhenAnyOfItsColumnsIsNullable() {
        TableModel child = table("child",
                List.of(col("id", "bigint", true), col("a", "integer", true), col("b", "integer", false)),
                new KeyConstraint("child_pkey", List.of("id")), List.of(),
                List.of(new ForeignKeyModel("child_ab_fk", List.of("a", "b"), "pair", List.of("a", "b"),
                        ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION)), List.of());
        assertEquals("pair |o--o{ child : \"a, b\"", MermaidErd.relationship(child, child.foreignKeys().get("child_ab_fk")));
    }

    @Test
    void wordsKeepMermaidsAlphabet() {
        assertEquals("character_varying(255)", MermaidErd.word("character varying(255)"));
        assertEquals("_1st", MermaidErd.word("1st"));
        assertEquals("we_rd_", MermaidErd.word("we\"rd\u00e9"));
        assertEquals("x_1_", MermaidErd.entity("x[1]"));
    }

    @Test
    void theSomaSchemaHasEveryTableAndEveryForeignKey() {
        SchemaModel soma = DeclaredSchema.soma();
        String erd = MermaidErd.render(soma);
        assertTrue(erd.startsWith("erDiagram\n"), erd);
        for (TableModel t : soma.tables().values()) {
            assertTrue(erd.contains("\n    " + t.name() + " {\n"), "table " + t.name() + " missing:\n" + erd);
            for (ForeignKeyModel fk : t.foreignKeys().values()) {
                assertTrue(erd.contains(MermaidErd.relationship(t, fk)), fk.name() + " missing:\n" + erd);
            }
        }
        long relationships = erd.lines().filter(l -> l.contains("--")).count();
        assertEquals(soma.tables().values().stream().mapToLong(t -> t.foreignKeys().size()).sum(), relationships, erd);
        assertFalse(erd.contains("\"\""), erd);
    }
}
