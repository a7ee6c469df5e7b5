package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.inspect.UnmodelledObjects;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.GrantModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.ViewModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.migrator.store.Snapshots;

/** Privileges (--with-privileges): golden SQL, the inspector against acldefault, and live round trips. */
class PrivilegesTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException {
        db = new LiveSchema();
        db.execute(List.of("DO $$ BEGIN\n    CREATE ROLE rls_reader NOLOGIN;\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$"));
    }

    @AfterAll
    static void close() throws SQLException { if (db != null) db.close(); }

    @Test
    void grantsAndRevokesRender() {
        Golden.renders(new Change.Grant(new GrantModel("TABLE", "t", "rls_reader", "SELECT", true)),
                "GRANT SELECT ON TABLE t TO rls_reader WITH GRANT OPTION",
                "DO $$ BEGIN\n    IF to_regclass('t') IS NOT NULL THEN\n        REVOKE SELECT ON TABLE t FROM rls_reader;\n"
                        + "    END IF;\nEND $$");
        Golden.renders(new Change.Grant(new GrantModel("COLUMN", "t.name", "public", "UPDATE", false)),
                "GRANT UPDATE (name) ON TABLE t TO PUBLIC",
                "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('t') AND attname = 'name'"
                        + " AND NOT attisdropped) THEN\n        REVOKE UPDATE (name) ON TABLE t FROM PUBLIC;\n    END IF;\nEND $$");
        Golden.renders(new Change.Grant(new GrantModel("FUNCTION", "f()", "rls_reader", "EXECUTE", false)),
                "GRANT EXECUTE ON FUNCTION f() TO rls_reader",
                "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND proname = 'f' AND pg_get_function_identity_arguments(oid) = '') THEN\n        REVOKE EXECUTE ON FUNCTION f() FROM rls_reader;\n"
                        + "    END IF;\nEND $$");
        Golden.renders(new Change.Grant(new GrantModel("SCHEMA", "public", "rls_reader", "USAGE", false)),
                "GRANT USAGE ON SCHEMA public TO rls_reader",
                "DO $$ BEGIN\n    IF to_regnamespace('public') IS NOT NULL THEN\n        REVOKE USAGE ON SCHEMA public FROM rls_reader;\n"
                        + "    END IF;\nEND $$");
        assertEquals(List.of("GRANT USAGE ON SEQUENCE s TO rls_reader"),
                SqlRenderer.render(new Change.Grant(new GrantModel("SEQUENCE", "s", "rls_reader", "USAGE", false))));
    }

    private static SchemaModel schema(String nameType, List<GrantModel> grants) {
        TableModel t = TableModel.of("t", List.of(new ColumnModel("id", "integer", true, null),
                new ColumnModel("name", nameType, false, null)), null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
        ViewModel v = new ViewModel("v", false, " SELECT t.name\n   FROM t;", Map.of(), List.of("t.name"));
        return SchemaModel.of(List.of(), List.of(), List.of(t), List.of(new FunctionModel("f", "integer", "sql", "SELECT 1")),
                List.of(SequenceModel.defaults("s")), List.of(v)).withGrants(grants);
    }

    private static final List<GrantModel> SOME = List.of(new GrantModel("TABLE", "t", "rls_reader", "SELECT", false),
            new GrantModel("TABLE", "t", "rls_reader", "INSERT", true), new GrantModel("COLUMN", "t.name", "public", "UPDATE", false),
            new GrantModel("TABLE", "v", "rls_reader", "SELECT", false), new GrantModel("SEQUENCE", "s", "rls_reader", "USAGE", false),
            new GrantModel("FUNCTION", "f()", "rls_reader", "EXECUTE", false),
            new GrantModel("SCHEMA", "public", "rls_reader", "USAGE", false));

    @Test
    void grantsComeAndGoAndTheGrantOptionCounts() throws SQLException {
        db.roundTrip(schema("text", List.of()), schema("text", SOME));
        db.roundTrip(schema("text", List.of(new GrantModel("TABLE", "t", "rls_reader", "SELECT", false))),
                schema("text", List.of(new GrantModel("TABLE", "t", "rls_reader", "SELECT", true))));
    }

    @Test
    void aRebuiltViewAndADroppedTableKeepTheirGrantsOnTheWayBack() throws SQLException {
        // the type change rebuilds v: its grant is revoked before and granted again after
        db.roundTrip(schema("text", SOME), schema("character varying(10)", SOME));
        db.roundTrip(schema("text", SOME), SchemaModel.EMPTY);
    }

    @Test
    void theOwnersDefaultsAreNoGrantAndWithoutTheFlagPrivilegesStayOutsideTheModel() throws SQLException {
        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, schema("text", List.of()))).upStatements());
        // the owner's own privileges spelled out, and EXECUTE to PUBLIC on a function, are the defaults
        db.execute(List.of("GRANT ALL ON TABLE t TO CURRENT_USER", "GRANT EXECUTE ON FUNCTION f() TO PUBLIC",
                "GRANT SELECT ON TABLE t TO rls_reader", "REVOKE SELECT ON TABLE t FROM rls_reader"));
        assertEquals(List.of(), db.inspect().grants());
        db.execute(List.of("GRANT SELECT ON TABLE t TO rls_reader"));
        assertEquals(List.of(new GrantModel("TABLE", "t", "rls_reader", "SELECT", false)), db.inspect().grants());

        assertEquals(List.of(), new CatalogInspector("public").inspect(db.connection()).grants(), "no privileges without the flag");
        UnmodelledObjects outside = new UnmodelledObjects("public", "migrator");
        assertTrue(outside.find(db.connection()).stream().anyMatch(u -> u.kind().equals("privileges")));
        assertTrue(outside.withPrivileges(true).find(db.connection()).stream().noneMatch(u -> u.kind().equals("privileges")));
    }

    @Test
    void noGrantsStayOutOfSnapshotsAndGrantsComeBack() {
        String json = Snapshots.write(schema("text", List.of()));
        assertTrue(!json.contains("grants"), json);
        assertEquals(schema("text", SOME), Snapshots.read(Snapshots.write(schema("text", SOME)), "test"));
    }

    @Test
    void aRevokedDefaultIsAppliedByARevokeAndRemovedByAGrant() {
        Golden.renders(new Change.Grant(new GrantModel("FUNCTION", "f()", "public", "EXECUTE", false, true)),
                "REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC",
                "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND proname = 'f' AND pg_get_function_identity_arguments(oid) = '') THEN\n        GRANT EXECUTE ON FUNCTION f() TO PUBLIC;\n"
                        + "    END IF;\nEND $$");
        SchemaModel revoked = schema("text", List.of(new GrantModel("FUNCTION", "f()", "public", "EXECUTE", false, true)));
        assertEquals(revoked, Snapshots.read(Snapshots.write(revoked), "test"));
        assertTrue(!Snapshots.write(schema("text", SOME)).contains("revoked"), "false is left out of snapshots");
    }

    @Test
    void aDefaultPrivilegeTakenAwayIsADifferenceAndIsTakenAwayAgainFromARecreatedFunction() throws SQLException {
        String function = "CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a'";
        String revoke = "REVOKE EXECUTE ON FUNCTION f(integer) FROM PUBLIC";
        SchemaModel open = db.load(function);
        SchemaModel closed = db.load(function, revoke);
        assertEquals(List.of(new GrantModel("FUNCTION", "f(a integer)", "public", "EXECUTE", false, true)), closed.grants());
        assertTrue(!Differ.diff(open, closed).isEmpty(), "never silently equal");
        db.roundTrip(open, closed);
        // a new result type recreates the function, which comes back with EXECUTE to PUBLIC: revoked again
        db.roundTrip(closed, db.load("CREATE FUNCTION f(a integer) RETURNS bigint LANGUAGE sql AS 'SELECT a::bigint'", revoke));
    }

    @Test
    void aGrantOnARecreatedFunctionWithArgumentsComesBack() throws SQLException {
        // a new result type: the function is dropped and created again, and its grant with it
        String grant = "GRANT EXECUTE ON FUNCTION f(integer) TO pg_read_all_data";
        SchemaModel a = db.load("CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a'", grant);
        SchemaModel b = db.load("CREATE FUNCTION f(a integer) RETURNS bigint LANGUAGE sql AS 'SELECT a::bigint'", grant);
        assertEquals(1, b.grants().size(), b.grants().toString());
        db.roundTrip(a, b);
    }
}
