package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.Snapshots;

/**
 * Functions and procedures with arguments and attributes: the renderer's SQL (up and down, golden), what the
 * inspector reads, snapshots, and a live round trip (diff applied to A gives B, its down gives A).
 */
class RoutinesTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException { db = new LiveSchema(); }

    @AfterAll
    static void close() throws SQLException { if (db != null) db.close(); }

    private static final FunctionModel ADD = new FunctionModel("add", "integer", "plpgsql", "BEGIN RETURN a + b; END",
            "a integer, b integer DEFAULT 1", "a integer, b integer", false, "IMMUTABLE", true, true, true, "SAFE", 5.0,
            null, List.of("work_mem=64MB", "search_path=public, pg_temp"));

    @Test
    void aFunctionWithArgumentsAndAttributesRenders() {
        Golden.renders(new Change.CreateFunction(ADD),
                List.of("CREATE OR REPLACE FUNCTION add(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE plpgsql"
                        + " IMMUTABLE STRICT SECURITY DEFINER LEAKPROOF PARALLEL SAFE COST 5"
                        + " SET search_path = public, pg_temp SET work_mem = '64MB' AS $body$BEGIN RETURN a + b; END$body$"),
                List.of("DROP FUNCTION IF EXISTS add(a integer, b integer)"));
    }

    /** Dropped for a successor of its signature: only while it is the definition there, so that a re-run keeps the successor. */
    @Test
    void aRecreatedFunctionIsDroppedOnlyWhileItIsThere() {
        FunctionModel code = new FunctionModel("next_code", "integer", "sql", "SELECT 1");
        Golden.renders(new Change.DropFunction(code, true),
                List.of("DO $$ BEGIN\nIF EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace"
                        + " AND p.proname = 'next_code' AND pg_get_function_identity_arguments(p.oid) = '' AND p.prokind = 'f'"
                        + " AND pg_get_function_arguments(p.oid) = '' AND pg_get_function_result(p.oid) IS NOT DISTINCT FROM 'integer') THEN"
                        + "\n    DROP FUNCTION IF EXISTS next_code();\nEND IF;\nEND $$"),
                List.of("SET check_function_bodies = off", "CREATE OR REPLACE FUNCTION next_code() RETURNS integer LANGUAGE sql AS $body$SELECT 1$body$",
                        "RESET check_function_bodies"));
        assertEquals(List.of("DROP FUNCTION IF EXISTS next_code()"),
                org.somaagent01.migrator.plan.SqlRenderer.render(new Change.DropFunction(code)));
    }

    @Test
    void aFunctionWithoutAttributesRendersAsBefore() {
        Golden.renders(new Change.CreateFunction(new FunctionModel("touch", "trigger", "plpgsql", "BEGIN RETURN NEW; END;")),
                List.of("CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$BEGIN RETURN NEW; END;$body$"),
                List.of("DROP FUNCTION IF EXISTS touch()"));
    }

    @Test
    void sqlBodiesAreCreatedUncheckedAndProceduresHaveNoResult() {
        FunctionModel count = new FunctionModel("n_rows", "SETOF bigint", "sql", "SELECT count(*) FROM t")
                .withAttributes("STABLE", false, false, false, null, null, 10.0, List.of());
        Golden.renders(new Change.CreateFunction(count),
                List.of("SET check_function_bodies = off",
                        "CREATE OR REPLACE FUNCTION n_rows() RETURNS SETOF bigint LANGUAGE sql STABLE ROWS 10 AS $body$SELECT count(*) FROM t$body$",
                        "RESET check_function_bodies"),
                List.of("DROP FUNCTION IF EXISTS n_rows()"));
        FunctionModel bump = FunctionModel.ofProcedure("bump", "IN n integer, INOUT total integer", "IN n integer, INOUT total integer",
                "plpgsql", "BEGIN total := total + n; END");
        Golden.renders(new Change.CreateFunction(bump),
                List.of("CREATE OR REPLACE PROCEDURE bump(IN n integer, INOUT total integer) LANGUAGE plpgsql"
                        + " AS $body$BEGIN total := total + n; END$body$"),
                List.of("DROP PROCEDURE IF EXISTS bump(IN n integer, INOUT total integer)"));
    }

    @Test
    void overloadsAreKeyedBySignatureAndDefaultsStayOutOfSnapshots() {
        FunctionModel one = new FunctionModel("area", "integer", "sql", "SELECT r * r").withArguments("r integer", "r integer");
        FunctionModel two = new FunctionModel("area", "integer", "sql", "SELECT w * h")
                .withArguments("w integer, h integer", "w integer, h integer");
        FunctionModel plain = new FunctionModel("touch", "trigger", "plpgsql", "BEGIN RETURN NEW; END;");
        SchemaModel s = SchemaModel.of(List.of(), List.of(), List.of(), List.of(one, two, plain, ADD));
        assertEquals(List.of("add(a integer, b integer)", "area(r integer)", "area(w integer, h integer)", "touch"),
                List.copyOf(s.functions().keySet()));
        String json = Snapshots.write(s);
        assertEquals(s, Snapshots.read(json, "test"));
        String touch = json.substring(json.indexOf("\"touch\" : {"));
        assertEquals("\"touch\" : {\n      \"name\" : \"touch\",\n      \"returns\" : \"trigger\",\n      \"language\" : \"plpgsql\","
                + "\n      \"body\" : \"BEGIN RETURN NEW; END;\"\n    }", touch.substring(0, touch.indexOf('}') + 1));
    }

    @Test
    void aChangedBodyIsReplacedAndAChangedResultOrArgumentListIsRecreated() {
        FunctionModel changedBody = new FunctionModel("add", "integer", "plpgsql", "BEGIN RETURN a + b + 0; END",
                ADD.arguments(), ADD.identityArguments(), false, null, false, false, false, null, null, null, List.of());
        List<Change> replace = Differ.diff(schema(ADD), schema(changedBody));
        assertEquals(List.of(new Change.ReplaceFunction(ADD, changedBody)), replace);
        FunctionModel newDefault = changedBody.withArguments("a integer, b integer DEFAULT 2", ADD.identityArguments());
        assertEquals(List.of(new Change.DropFunction(changedBody, true), new Change.CreateFunction(newDefault, true)),
                Differ.diff(schema(changedBody), schema(newDefault)));
    }

    /**
     * PostgreSQL refuses to drop a routine that a column or domain default, a CHECK, an index, a view or a policy calls: what calls a routine
     * that is dropped and created again (a new result, a changed argument default) goes before it and comes back
     * after, both ways.
     */
    @Test
    void whatCallsARecreatedRoutineGoesAroundIt() throws SQLException {
        String table = "CREATE TABLE t (id bigint DEFAULT next_code(), n integer, CONSTRAINT n_positive CHECK (positive(n)));"
                + " CREATE VIEW positives AS SELECT id FROM t WHERE positive(n);"
                + " ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY only_positive ON t USING (positive(n));"
                + " CREATE DOMAIN code AS bigint DEFAULT next_code() CHECK (positive(VALUE::integer)); CREATE TABLE u (c code)";
        SchemaModel a = db.load(
                "CREATE FUNCTION next_code() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
                "CREATE FUNCTION positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v > 0'",
                "CREATE FUNCTION kept(v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT v'",
                table, "CREATE INDEX t_positive ON t ((positive(n)))", "CREATE INDEX t_partial ON t (id) WHERE positive(n)",
                "CREATE INDEX t_kept ON t ((kept(n)))");
        SchemaModel b = db.load(
                "CREATE FUNCTION next_code() RETURNS bigint LANGUAGE sql AS 'SELECT 2::bigint'",
                "CREATE FUNCTION positive(v integer DEFAULT 1) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v > 0'",
                "CREATE FUNCTION kept(v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT v + 0'",
                table, "CREATE INDEX t_positive ON t ((positive(n)))", "CREATE INDEX t_partial ON t (id) WHERE positive(n)",
                "CREATE INDEX t_kept ON t ((kept(n)))");
        List<Change> changes = Differ.diff(a, b);
        assertTrue(changes.contains(new Change.SetColumnDefault("t", "id", "next_code()", null)), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c instanceof Change.DropCheck d && d.check().name().equals("n_positive")));
        assertTrue(changes.stream().anyMatch(c -> c instanceof Change.DropView d && d.view().name().equals("positives")));
        assertTrue(changes.contains(new Change.SetDomainDefault("code", "next_code()", null)), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c instanceof Change.DropDomainCheck d && d.domain().equals("code")));
        assertTrue(changes.stream().anyMatch(c -> c instanceof Change.DropPolicy d && d.policy().name().equals("only_positive")));
        assertEquals(List.of("t_partial", "t_positive"), changes.stream()
                .filter(c -> c instanceof Change.DropIndex).map(c -> ((Change.DropIndex) c).index().name()).sorted().toList());
        // a routine replaced in place (CREATE OR REPLACE) leaves what calls it alone
        assertTrue(changes.contains(new Change.ReplaceFunction(a.functions().get("kept(v integer)"), b.functions().get("kept(v integer)"))));
        db.roundTrip(a, b);
    }

    @Test
    void aGeneratedColumnCallingARecreatedRoutineIsDroppedAndAddedAroundIt() throws SQLException {
        // its expression prints the same on both sides; PostgreSQL refuses the DROP FUNCTION while the column calls it
        String table = "CREATE TABLE g (a integer, doubled bigint GENERATED ALWAYS AS (twice(a)) STORED);"
                + " CREATE INDEX g_doubled ON g (doubled)";
        SchemaModel a = db.load("CREATE FUNCTION twice(v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT v * 2'",
                table);
        SchemaModel b = db.load("CREATE FUNCTION twice(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT v * 2'",
                table);
        assertEquals(a.tables().get("g"), b.tables().get("g"), "the same table on both sides");
        List<Change> changes = Differ.diff(a, b);
        Change.DropReplacedColumn drop = changes.stream().filter(c -> c instanceof Change.DropReplacedColumn)
                .map(c -> (Change.DropReplacedColumn) c).findFirst().orElseThrow(() -> new AssertionError(changes.toString()));
        assertEquals(List.of(new Change.CalledRoutine(null, a.functions().get("twice(v integer)"))), drop.calledRoutines());
        assertTrue(changes.indexOf(drop) < changes.indexOf(changes.stream().filter(c -> c instanceof Change.DropFunction)
                .findFirst().orElseThrow()), "the column goes before the routine: " + changes);
        // up, a re-run, the down and its re-run: a re-run keeps the column that calls the new definition
        db.roundTrip(a, b);
    }

    private static SchemaModel schema(FunctionModel... functions) {
        return SchemaModel.of(List.of(), List.of(), List.of(), List.of(functions));
    }

    /** Resets the schema, runs the statements and reads the schema they made. */
    @Test
    void theInspectorReadsEveryAttribute() throws SQLException {
        SchemaModel s = db.load("CREATE FUNCTION add(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE plpgsql"
                        + " IMMUTABLE STRICT SECURITY DEFINER LEAKPROOF PARALLEL SAFE COST 5"
                        + " SET search_path = public, pg_temp SET work_mem = '64MB' AS $body$BEGIN RETURN a + b; END$body$",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$BEGIN RETURN NEW; END;$body$");
        assertEquals(ADD, s.functions().get("add(a integer, b integer)"));
        assertEquals(new FunctionModel("touch", "trigger", "plpgsql", "BEGIN RETURN NEW; END;"), s.functions().get("touch"));
    }

    @Test
    void routinesRoundTripLive() throws SQLException {
        SchemaModel a = db.load(
                "CREATE FUNCTION add(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE sql AS 'SELECT a + b'",
                "CREATE FUNCTION area(r integer) RETURNS integer LANGUAGE sql AS 'SELECT r * r'",
                "CREATE FUNCTION area(w integer, h integer) RETURNS integer LANGUAGE sql AS 'SELECT w * h'",
                "CREATE PROCEDURE bump(IN n integer, INOUT total integer) LANGUAGE plpgsql AS 'BEGIN total := total + n; END'",
                "CREATE FUNCTION code() RETURNS text LANGUAGE sql STABLE AS $$SELECT 'x'$$",
                // a default calls a function: it must exist before the table
                "CREATE TABLE t (id integer, code text DEFAULT code(), CHECK (add(id) > 0))",
                // an SQL body reading the table: created before it, so unchecked
                "CREATE FUNCTION n_rows() RETURNS SETOF bigint LANGUAGE sql STABLE ROWS 10 AS 'SELECT count(*) FROM t'",
                "CREATE FUNCTION pairs(n integer) RETURNS TABLE(i integer, j integer) LANGUAGE sql AS 'SELECT n, n'");
        assertEquals(7, a.functions().size(), a.functions().keySet().toString());
        SchemaModel b = db.load(
                "CREATE FUNCTION add(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
                        + " COST 7 AS 'SELECT a + b + 0'",
                "CREATE FUNCTION area(r integer) RETURNS bigint LANGUAGE sql AS 'SELECT (r * r)::bigint'",
                "CREATE FUNCTION area(w integer, h integer DEFAULT 2) RETURNS integer LANGUAGE sql AS 'SELECT w * h'",
                "CREATE FUNCTION code() RETURNS text LANGUAGE sql STABLE AS $$SELECT 'y'$$",
                "CREATE TABLE t (id integer, code text DEFAULT code(), CHECK (add(id) > 0))",
                "CREATE FUNCTION n_rows() RETURNS SETOF bigint LANGUAGE sql STABLE ROWS 10 AS 'SELECT count(*) FROM t'",
                "CREATE FUNCTION secure() RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp"
                        + " SET statement_timeout = '5s' AS 'SELECT 1'",
                "CREATE PROCEDURE bump(IN n integer, INOUT total integer) LANGUAGE plpgsql SECURITY DEFINER"
                        + " AS 'BEGIN total := total + n * 2; END'");
        assertFalse(a.equals(b));
        assertTrue(Differ.diff(a, b).stream().anyMatch(c -> c instanceof Change.ReplaceFunction));
        db.roundTrip(a, b);
    }
}
