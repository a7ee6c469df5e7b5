package org.somaagent01.migrator.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.LiteralOp;
import org.jetbrains.exposed.v1.core.Op;
import org.jetbrains.exposed.v1.core.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.schema.pg.PgTable;

/**
 * Declarations made with Exposed's own {@code Table} API instead of PgTable's, which Exposed's {@code SchemaUtils}
 * would create: read where the model can say them (MigrationUtilsOracleProperties found them ignored), otherwise
 * refused by one line naming the table, the object and what to write instead, never left out.
 */
class DeclaredNativeApiTest {
    static final class Parents extends PgTable {
        final Column<Integer> id = integer("id");
        Parents() {
            super("parents");
            primaryKey("pk_parents", id);
        }
    }

    private static final Parents PARENTS = new Parents();

    /** A table whose body runs {@code body}, so each case declares one thing natively. */
    static final class Native extends PgTable {
        final Column<Integer> id = integer("id");
        final Column<Integer> score = integer("score");

        Native(java.util.function.Consumer<Native> body) {
            super("natives");
            primaryKey("pk_natives", id);
            body.accept(this);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void referenceWithExposedDefaults(String constraint) { reference("parent_id", (Column) PARENTS.id, null, null, constraint); }

        void plainIndex(String name, boolean unique, String type) { index(name, unique, new Column<?>[] {score}, null, type, null); }

        void filteredIndex() {
            index("ix_natives_positive", false, new Column<?>[] {score}, null, null, () -> sql("score > 0"));
        }

        void opCheck() { check("ck_natives_score", () -> sql("score >= 0")); }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void literalDefault() { defaultExpression((Column) score, new LiteralOp(score.getColumnType(), 7)); }

        void ownSequence() { autoIncrement(bigint("seq_no"), "natives_custom_seq"); }
    }

    private static Op<Boolean> sql(String text) {
        return new Op<>() {
            @Override
            public void toQueryBuilder(QueryBuilder builder) { builder.append(text); }
        };
    }

    private static TableModel model(Native table) {
        return DeclaredSchema.toModel(DeclaredColumnsTest.declaration(PARENTS, table)).tables().get("natives");
    }

    private static String refusal(java.util.function.Consumer<Native> body) {
        return assertThrows(IllegalArgumentException.class, () -> model(new Native(body))).getMessage();
    }

    @Test
    void exposedsDefaultForeignKeyActionsAreRestrictAsItCreatesThem() {
        var fk = model(new Native(t -> t.referenceWithExposedDefaults("fk_natives_parent"))).foreignKeys().get("fk_natives_parent");
        assertEquals(ForeignKeyAction.RESTRICT, fk.onDelete());
        assertEquals(ForeignKeyAction.RESTRICT, fk.onUpdate());
        assertEquals("the foreign key on natives.parent_id has no name; name it in reference(…), or declare it with references(…)",
                refusal(t -> t.referenceWithExposedDefaults(null)));
    }

    @Test
    void exposedsOwnIndexesAreReadAndAPlainUniqueOneIsTheConstraintExposedCreates() {
        TableModel t = model(new Native(n -> {
            n.plainIndex("ix_natives_score", false, null);
            n.plainIndex("uq_natives_score", true, null);
            n.plainIndex("ix_natives_score_hash", false, "HASH");
        }));
        assertEquals(List.of(new KeyConstraint("uq_natives_score", List.of("score"), false, false, false)),
                List.copyOf(t.uniques().values()));
        assertEquals(List.of("btree", "hash"), t.indexes().values().stream().map(IndexModel::method).toList());
        assertEquals("index ix_natives_positive on natives is declared with Exposed's index(…) with functions or a filter, "
                + "which the migrator cannot read; declare it with index(name)", refusal(Native::filteredIndex));
    }

    static final class Collated extends PgTable {
        final Column<String> code = text("code", "\"C\"", false);
        final Column<String> label = varchar("label", 20, "POSIX");
        final Column<String> plain = text("plain");
        Collated() { super("collated"); }
    }

    @Test
    void aCollationGivenToExposedIsTheColumnsCollation() {
        TableModel t = DeclaredSchema.toModel(DeclaredColumnsTest.declaration(new Collated())).tables().get("collated");
        assertEquals(java.util.Arrays.asList("C", "POSIX", null), t.columns().stream().map(c -> c.collation()).toList());
    }

    @Test
    void whatTheMigratorCannotReadIsRefusedByName() {
        assertEquals("check ck_natives_score on natives is declared with Exposed's check { … }, whose SQL the migrator "
                + "cannot read; declare it with check(name, sql)", refusal(Native::opCheck));
        assertEquals("column natives.score has a default given to Exposed (default(…) or defaultExpression), which the "
                + "migrator cannot read as SQL; declare it with withDefault(column, sql)", refusal(Native::literalDefault));
        assertEquals("column natives.seq_no draws from a sequence of its own; declare it with bigserial(name) (sequence "
                + "natives_seq_no_seq) or identity(…)", refusal(Native::ownSequence));
    }
}
