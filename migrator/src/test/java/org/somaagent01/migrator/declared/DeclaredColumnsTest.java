package org.somaagent01.migrator.declared;

import static org.somaagent01.db.Where.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ResultRow;
import org.jetbrains.exposed.v1.core.statements.InsertStatement;
import org.junit.jupiter.api.Test;
import org.somaagent01.db.SomaDatabase;
import org.somaagent01.db.Tx;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.schema.pg.Identity;
import org.somaagent01.schema.pg.PgTable;
import org.somaagent01.schema.pg.SchemaDeclaration;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Identity columns, generated stored columns and column comments declared in the DSL reach the model and the server
 * keeps them; Exposed's INSERTs leave the columns the server fills alone.
 */
class DeclaredColumnsTest {
    /** One of each: ALWAYS and BY DEFAULT identities, a NOT NULL and a nullable generated column, comments. */
    static final class Accounts extends PgTable {
        final Column<Long> id = identity(bigint("id"), Identity.ALWAYS);
        final Column<Integer> legacyNo = comment(identity(integer("legacy_no"), Identity.BY_DEFAULT), "number from the old system");
        final Column<String> name = comment(text("name"), "display name, as typed");
        final Column<String> nameKey = generatedAlways(text("name_key"), "lower(name)");
        final Column<Integer> nickLength = comment(nullable(generatedAlways(integer("nick_length"), "length(nick)")), "derived");
        final Column<String> nick = nullable(text("nick"));

        Accounts() {
            super("accounts");
            primaryKey("accounts_pkey", id);
        }
    }

    static SchemaDeclaration declaration(PgTable... tables) {
        return new SchemaDeclaration(List.of(), List.of(), List.of(tables), List.of(), List.of());
    }

    @Test
    void declaredColumnsReachTheModelAndTheServerKeepsThem() throws Exception {
        SchemaModel declared = DeclaredSchema.toModel(declaration(new Accounts()));
        assertEquals(List.of(
                new ColumnModel("id", "bigint", true, null, ColumnModel.ALWAYS, null, null),
                new ColumnModel("legacy_no", "integer", true, null, ColumnModel.BY_DEFAULT, null, "number from the old system"),
                new ColumnModel("name", "text", true, null, null, null, "display name, as typed"),
                new ColumnModel("name_key", "text", true, null, null, "lower(name)", null),
                new ColumnModel("nick_length", "integer", false, null, null, "length(nick)", "derived"),
                new ColumnModel("nick", "text", false, null, null, null, null)), declared.tables().get("accounts").columns());

        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                for (String sql : new Plan(Differ.diff(SchemaModel.EMPTY, declared)).upStatements()) st.execute(sql);
            }
            assertEquals(declared, new CatalogInspector("public").inspect(c));
        }
    }

    @Test
    void anIdentityIsNeverNullableAndNothingTheServerFillsHasADefault() {
        PgTable nullableIdentity = new PgTable("a") {
            final Column<Long> id = nullable(identity(bigint("id"), Identity.BY_DEFAULT));
        };
        PgTable generatedWithDefault = new PgTable("b") {
            final Column<Integer> n = integer("n");
            final Column<Integer> twice = withDefault(generatedAlways(integer("twice"), "(n * 2)"), "0");
        };
        assertEquals("identity column a.id is always NOT NULL; remove nullable(...)", assertThrows(
                IllegalArgumentException.class, () -> DeclaredSchema.toModel(declaration(nullableIdentity))).getMessage());
        assertEquals("column b.twice is generated and cannot have a default too; remove the default", assertThrows(
                IllegalArgumentException.class, () -> DeclaredSchema.toModel(declaration(generatedWithDefault))).getMessage());
    }

    @Test
    void exposedInsertsLeaveIdentityAndGeneratedColumnsToTheServer() throws Exception {
        Accounts t = new Accounts();
        SchemaModel declared = DeclaredSchema.toModel(declaration(t));
        try (TestDatabase tdb = TestServer.get().createDatabase(); SomaDatabase db = SomaDatabase.connect(tdb.uri())) {
            db.autocommit(new Plan(Differ.diff(SchemaModel.EMPTY, declared)).upStatements().toArray(new String[0]));

            String insertSql = db.readOnly(tx -> {
                InsertStatement<Number> insert = new InsertStatement<>(t, false);
                insert.set(t.name, "Ada");
                return insert.prepareSQL(tx.exposed(), true);
            });
            assertFalse(insertSql.contains("name_key") || insertSql.contains("nick_length") || insertSql.contains("id"),
                    insertSql);

            ResultRow ada = db.tx(tx -> tx.insert(t, r -> {
                r.set(t.name, "Ada");
                r.set(t.nick, "Countess");
            }));
            assertEquals(1L, ada.get(t.id));
            assertEquals(1, ada.get(t.legacyNo));
            assertEquals("ada", ada.get(t.nameKey));
            assertEquals(8, ada.get(t.nickLength));

            // BY DEFAULT takes a value when given; ALWAYS refuses one
            ResultRow grace = db.tx(tx -> tx.insert(t, r -> {
                r.set(t.name, "GRACE");
                r.set(t.legacyNo, 42);
            }));
            assertEquals(2L, grace.get(t.id));
            assertEquals(42, grace.get(t.legacyNo));
            assertEquals("grace", grace.get(t.nameKey));
            assertEquals(null, grace.get(t.nickLength));
            RuntimeException refused = assertThrows(RuntimeException.class, () -> db.inTx(tx -> tx.insert(t, r -> {
                r.set(t.id, 99L);
                r.set(t.name, "Eve");
            })));
            assertTrue(String.valueOf(refused.getMessage()).contains("cannot insert a non-DEFAULT value into column \"id\""),
                    refused.getMessage());

            db.inTx(tx -> tx.batchInsert(t, List.of("Linus", "Ken"), (r, name) -> r.set(t.name, name)));
            assertEquals(1, (int) db.tx(tx -> tx.update(t, eq(t.id, 1L), r -> r.set(t.name, "ADA L"))));
            List<String> keys = db.readOnly(tx -> Tx.list(tx.selectAll(t).orderBy(t.id, org.jetbrains.exposed.v1.core.SortOrder.ASC))
                    .stream().map(r -> r.get(t.id) + ":" + r.get(t.nameKey)).toList());
            assertEquals(List.of("1:ada l", "2:grace", "3:linus", "4:ken"), keys);
        }
    }
}
