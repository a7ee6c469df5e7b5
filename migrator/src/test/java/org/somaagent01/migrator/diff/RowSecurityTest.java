package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.PolicyModel;
import org.somaagent01.migrator.model.RowSecurity;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.migrator.store.Snapshots;

/** Row-level security and policies: golden SQL, the inspector on a real server, and live round trips. */
class RowSecurityTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException {
        db = new LiveSchema();
        // roles are cluster objects the migrator never creates: the test makes the ones it names
        for (String role : List.of("rls_reader", "rls_writer")) {
            db.execute(List.of("DO $$ BEGIN\n    CREATE ROLE " + role + " NOLOGIN;\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$"));
        }
    }

    @AfterAll
    static void close() throws SQLException { if (db != null) db.close(); }

    private static final PolicyModel OWN_ROWS = new PolicyModel("own_rows", true, "SELECT", List.of("rls_reader"),
            "(owner = CURRENT_USER)", null);

    @Test
    void rowSecurityChangesRender() {
        Golden.renders(new Change.SetRowSecurity("t", true), "ALTER TABLE IF EXISTS t ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE IF EXISTS t DISABLE ROW LEVEL SECURITY");
        Golden.renders(new Change.SetForceRowSecurity("t", true), "ALTER TABLE IF EXISTS t FORCE ROW LEVEL SECURITY",
                "ALTER TABLE IF EXISTS t NO FORCE ROW LEVEL SECURITY");
    }

    @Test
    void policyChangesRender() {
        Golden.renders(new Change.CreatePolicy("t", OWN_ROWS),
                "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = to_regclass('t') AND polname = 'own_rows')"
                        + " THEN\n        CREATE POLICY own_rows ON t AS PERMISSIVE FOR SELECT TO rls_reader"
                        + " USING ((owner = CURRENT_USER));\n    END IF;\nEND $$",
                "DROP POLICY IF EXISTS own_rows ON t");
        PolicyModel wider = new PolicyModel("own_rows", true, "SELECT", List.of("rls_writer", "rls_reader"),
                "(owner IS NOT NULL)", null);
        Golden.renders(new Change.AlterPolicy("t", OWN_ROWS, wider),
                "ALTER POLICY own_rows ON t TO rls_reader, rls_writer USING ((owner IS NOT NULL))",
                "ALTER POLICY own_rows ON t TO rls_reader USING ((owner = CURRENT_USER))");
        PolicyModel insert = new PolicyModel("ins", false, "INSERT", List.of(), null, "(n > 0)");
        assertEquals(List.of("DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = to_regclass('t')"
                + " AND polname = 'ins') THEN\n        CREATE POLICY ins ON t AS RESTRICTIVE FOR INSERT TO PUBLIC"
                + " WITH CHECK ((n > 0));\n    END IF;\nEND $$"), SqlRenderer.render(new Change.CreatePolicy("t", insert)));
    }

    @Test
    void aClauseThatComesOrGoesOrAnotherCommandIsDropAndCreate() {
        PolicyModel withCheck = new PolicyModel("own_rows", true, "SELECT", List.of("rls_reader"), "(owner = CURRENT_USER)",
                "(n > 0)");
        List<Change> changes = Differ.diff(schema("integer", RowSecurity.of(true, false, List.of(OWN_ROWS))),
                schema("integer", RowSecurity.of(true, false, List.of(withCheck))));
        assertEquals(List.of(new Change.DropPolicy("t", OWN_ROWS), new Change.CreatePolicy("t", withCheck)), changes);
        assertThrows(IllegalArgumentException.class, () -> new Change.AlterPolicy("t", OWN_ROWS, withCheck));
        PolicyModel all = new PolicyModel("own_rows", true, "ALL", List.of("rls_reader"), "(owner = CURRENT_USER)", null);
        assertEquals(2, Differ.diff(schema("integer", RowSecurity.of(false, false, List.of(OWN_ROWS))),
                schema("integer", RowSecurity.of(false, false, List.of(all)))).size());
    }

    @Test
    void noRowSecurityStaysOutOfSnapshotsAndComesBack() {
        SchemaModel plain = schema("integer", RowSecurity.NONE);
        String json = Snapshots.write(plain);
        assertTrue(!json.contains("rowSecurity"), json);
        assertEquals(plain, Snapshots.read(json, "test"));
        SchemaModel secured = schema("integer", RowSecurity.of(true, true, List.of(OWN_ROWS)));
        assertEquals(secured, Snapshots.read(Snapshots.write(secured), "test"));
    }

    /** t(id, owner, n) with the given security. */
    private static SchemaModel schema(String nType, RowSecurity security) {
        TableModel t = TableModel.of("t", List.of(new ColumnModel("id", "integer", true, null),
                new ColumnModel("owner", "text", false, null), new ColumnModel("n", nType, false, null)), null,
                List.of(), List.of(), List.of(), List.of(), List.of(), null).withRowSecurity(security);
        return SchemaModel.of(List.of(), List.of(), List.of(t), List.of());
    }

    @Test
    void theInspectorReadsFlagsAndPolicies() throws SQLException {
        db.reset();
        db.execute(List.of("CREATE TABLE t (id integer NOT NULL, owner text, n integer)",
                "ALTER TABLE t ENABLE ROW LEVEL SECURITY", "ALTER TABLE t FORCE ROW LEVEL SECURITY",
                "CREATE POLICY own_rows ON t FOR SELECT TO rls_reader USING (owner = current_user)",
                "CREATE POLICY ins ON t AS RESTRICTIVE FOR INSERT WITH CHECK (n > 0)",
                "CREATE POLICY upd ON t FOR UPDATE TO rls_writer, rls_reader USING (true) WITH CHECK (n < 10)",
                "CREATE TABLE u (id integer)", "CREATE POLICY p ON u USING (id > 0)"));
        SchemaModel live = db.inspect();
        RowSecurity t = live.tables().get("t").security();
        assertEquals(RowSecurity.of(true, true, List.of(OWN_ROWS,
                new PolicyModel("ins", false, "INSERT", List.of("public"), null, "(n > 0)"),
                new PolicyModel("upd", true, "UPDATE", List.of("rls_reader", "rls_writer"), "true", "(n < 10)"))), t);
        // policies on a table whose row security is off
        assertEquals(RowSecurity.of(false, false, List.of(new PolicyModel("p", true, "ALL", List.of(), "(id > 0)", null))),
                live.tables().get("u").security());
        assertEquals(live, db.inspect());
    }

    @Test
    void enablingAndForcingRoundTrips() throws SQLException {
        db.roundTrip(schema("integer", RowSecurity.NONE), schema("integer", RowSecurity.of(true, true, List.of(OWN_ROWS))));
        db.roundTrip(schema("integer", RowSecurity.of(true, false, List.of())), schema("integer", RowSecurity.of(false, true, List.of())));
    }

    @Test
    void alteredAndReplacedPoliciesRoundTrip() throws SQLException {
        PolicyModel wider = new PolicyModel("own_rows", true, "SELECT", List.of("rls_reader", "rls_writer"),
                "(owner IS NOT NULL)", null);
        PolicyModel restrictive = new PolicyModel("own_rows", false, "ALL", List.of(), "(owner IS NOT NULL)", "(n > 0)");
        SchemaModel a = schema("integer", RowSecurity.of(true, false, List.of(OWN_ROWS)));
        db.roundTrip(a, schema("integer", RowSecurity.of(true, false, List.of(wider))));
        db.roundTrip(a, schema("integer", RowSecurity.of(true, false, List.of(restrictive))));
    }

    @Test
    void aDroppedTableTakesItsPoliciesAndTheDownBringsThemBack() throws SQLException {
        SchemaModel a = schema("integer", RowSecurity.of(true, true, List.of(OWN_ROWS)));
        db.roundTrip(a, SchemaModel.EMPTY);
    }

    @Test
    void aPolicyOverAColumnWhoseTypeChangesIsDroppedAndCreatedAround() throws SQLException {
        PolicyModel positive = new PolicyModel("positive", true, "ALL", List.of(), "(n > 0)", null);
        SchemaModel a = schema("integer", RowSecurity.of(true, false, List.of(positive, OWN_ROWS)));
        SchemaModel b = schema("bigint", RowSecurity.of(true, false, List.of(positive, OWN_ROWS)));
        List<Change> changes = Differ.diff(a, b);
        assertEquals(List.of(new Change.DropPolicy("t", positive), new Change.AlterColumnType("t", "n", "integer", "bigint", true),
                new Change.CreatePolicy("t", positive)), changes);

        // without dropping the policy, PostgreSQL refuses the change
        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, a)).upStatements());
        SQLException refused = assertThrows(SQLException.class,
                () -> db.execute(SqlRenderer.render(new Change.AlterColumnType("t", "n", "integer", "bigint"))));
        assertTrue(refused.getMessage().contains("used in a policy definition"), refused.getMessage());
        db.roundTrip(a, b);
    }

    @Test
    void aColumnThatGoesTakesThePolicyReadingItAndTheDownBringsItBack() throws SQLException {
        PolicyModel positive = new PolicyModel("positive", true, "ALL", List.of(), "(n > 0)", null);
        SchemaModel a = schema("integer", RowSecurity.of(true, false, List.of(positive)));
        TableModel t = a.tables().get("t");
        SchemaModel b = SchemaModel.of(List.of(), List.of(), List.of(TableModel.of("t", t.columns().subList(0, 2), null,
                List.of(), List.of(), List.of(), List.of(), List.of(), null).withRowSecurity(RowSecurity.of(true, false, List.of()))),
                List.of());
        db.roundTrip(a, b);
    }

    @Test
    void aPolicyNamingARoleTheServerLacksFailsBeforeAnyDdlInOneLine() throws SQLException {
        PolicyModel ghost = new PolicyModel("ghost_rows", true, "SELECT", List.of("rls_reader", "rls_no_such_role"), "true", null);
        SchemaModel wanted = schema("integer", RowSecurity.of(true, false, List.of(ghost)));
        org.somaagent01.migrator.MigratorException e = assertThrows(org.somaagent01.migrator.MigratorException.class,
                () -> org.somaagent01.migrator.apply.PolicyRoles.check(db.connection(), wanted));
        assertEquals(org.somaagent01.migrator.ExitCode.CONFIGURATION, e.exitCode());
        assertEquals("policy t.ghost_rows names role rls_no_such_role, which does not exist on this server; create it first"
                + " (CREATE ROLE rls_no_such_role NOLOGIN): the migrator does not create roles", e.getMessage());
        // existing roles and PUBLIC pass
        org.somaagent01.migrator.apply.PolicyRoles.check(db.connection(), schema("integer", RowSecurity.of(true, false,
                List.of(OWN_ROWS, new PolicyModel("all_rows", true, "ALL", List.of(), "true", null)))));
    }
}
