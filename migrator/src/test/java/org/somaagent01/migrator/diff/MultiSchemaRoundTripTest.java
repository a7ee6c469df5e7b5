package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.inspect.DatabaseInspector;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.plan.DatabasePlan;
import org.somaagent01.migrator.plan.PlannedSegment;
import org.somaagent01.migrator.plan.RenderMode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** Two live databases of several schemas with references across them: the diff turns one into the other and back. */
class MultiSchemaRoundTripTest {
    private static final String A = """
            CREATE SCHEMA ref;
            CREATE TYPE ref.mood AS ENUM ('happy', 'sad');
            CREATE TABLE ref.owners (id integer PRIMARY KEY, name text);
            CREATE TABLE public.pets (id integer PRIMARY KEY, owner_id integer REFERENCES ref.owners (id), mood ref.mood);
            CREATE VIEW public.v_pets AS SELECT p.id, o.name FROM public.pets p JOIN ref.owners o ON o.id = p.owner_id;
            CREATE VIEW public.v_moods AS SELECT mood FROM public.pets;
            CREATE SCHEMA gone;
            CREATE TABLE gone.old (id integer)""";

    private static final String B = """
            CREATE SCHEMA ref;
            CREATE TYPE ref.mood AS ENUM ('happy', 'sad', 'bored');
            CREATE TABLE ref.owners (id integer PRIMARY KEY, name text, email text);
            CREATE TABLE ref.vets (id integer PRIMARY KEY);
            CREATE TABLE public.pets (id integer PRIMARY KEY, owner_id integer REFERENCES ref.owners (id),
                                      mood ref.mood, vet_id integer REFERENCES ref.vets (id));
            CREATE INDEX pets_mood ON public.pets (mood);
            CREATE VIEW public.v_pets AS SELECT p.id, o.name, o.email FROM public.pets p JOIN ref.owners o ON o.id = p.owner_id;
            CREATE VIEW public.v_moods AS SELECT mood FROM public.pets;
            CREATE SCHEMA extra;
            CREATE TYPE extra.size AS ENUM ('s', 'l');
            CREATE TABLE extra.boxes (id integer PRIMARY KEY, size extra.size, pet_id integer REFERENCES public.pets (id))""";

    private static final DatabaseInspector INSPECTOR =
            new DatabaseInspector(DatabaseInspector.SchemaFilter.ALL, "migrator");

    @Test
    void upTurnsAIntoBAndDownTurnsItBack() throws SQLException {
        withTwo(A, B, (ca, modelA, modelB) -> {
            assertEquals(List.of("gone", "public", "ref"), List.copyOf(modelA.schemas().keySet()));
            // references to another schema are qualified
            assertEquals("ref.owners", modelA.schemas().get("public").tables().get("pets").foreignKeys()
                    .get("pets_owner_id_fkey").targetTable());
            assertEquals("ref.mood", modelA.schemas().get("public").tables().get("pets").column("mood").orElseThrow().type());
            assertTrue(modelA.schemas().get("public").views().get("v_pets").definition().contains("ref.owners"));

            List<PlannedSegment> segments = new DatabasePlan(DatabaseDiffer.diff(modelA, modelB)).segments(RenderMode.ONLINE);
            SegmentRunner.up(ca, segments);
            assertEquals(modelB, INSPECTOR.inspect(ca), "after up");
            assertEquals(List.of(), DatabaseDiffer.diff(INSPECTOR.inspect(ca), modelB));

            // the way back removes a label of ref.mood: a swap that converts public.pets.mood, v_moods rebuilt around it
            exec(ca, "INSERT INTO ref.owners VALUES (1, 'o'); INSERT INTO public.pets (id, owner_id, mood) VALUES (1, 1, 'sad')");
            SegmentRunner.down(ca, segments);
            try (Statement st = ca.createStatement(); var rs = st.executeQuery("SELECT mood::text FROM public.v_moods")) {
                assertTrue(rs.next() && rs.getString(1).equals("sad"), "the row kept its label through the swap");
            }
            assertEquals(modelA, INSPECTOR.inspect(ca), "after down");
        });
    }

    @Test
    void twoDatabasesDifferingOnlyInWhichSchemaAnFkTargetLivesInAreNotEqual() throws SQLException {
        String common = "CREATE SCHEMA x; CREATE SCHEMA y; CREATE TABLE x.t (id integer PRIMARY KEY);"
                + " CREATE TABLE y.t (id integer PRIMARY KEY); CREATE TABLE public.c (t_id integer, CONSTRAINT c_fk FOREIGN KEY (t_id) REFERENCES ";
        withTwo(common + "x.t (id))", common + "y.t (id))", (ca, modelA, modelB) -> {
            assertNotEquals(modelA, modelB);
            SegmentRunner.up(ca, new DatabasePlan(DatabaseDiffer.diff(modelA, modelB)).segments(RenderMode.ONLINE));
            assertEquals(modelB, INSPECTOR.inspect(ca));
        });
    }

    @Test
    void theFilterNarrowsTheSchemasAndTheHistorySchemaIsNeverOne() throws SQLException {
        try (TestDatabase a = TestServer.get().createDatabase(); Connection ca = a.connect()) {
            exec(ca, A + "; CREATE SCHEMA migrator; CREATE TABLE migrator.history (id integer)");
            assertEquals(List.of("gone", "public", "ref"), INSPECTOR.schemas(ca));
            assertEquals(List.of("ref"), new DatabaseInspector(
                    new DatabaseInspector.SchemaFilter(List.of("ref", "nope"), List.of()), "migrator").schemas(ca));
            assertEquals(List.of("public"), new DatabaseInspector(
                    new DatabaseInspector.SchemaFilter(List.of(), List.of("ref", "gone")), "migrator").schemas(ca));
        }
    }

    @Test
    void aForeignKeyIntoAnotherSchemaIsRebuiltAroundAChangeOfTheKeyItNeeds() throws SQLException {
        // the primary key the foreign key depends on is renamed: dropped and added, which PostgreSQL refuses under the key
        String child = "; CREATE TABLE public.c (p_id integer, CONSTRAINT c_fk FOREIGN KEY (p_id) REFERENCES x.p (id))";
        withTwo("CREATE SCHEMA x; CREATE TABLE x.p (id integer CONSTRAINT p_pkey PRIMARY KEY)" + child,
                "CREATE SCHEMA x; CREATE TABLE x.p (id integer CONSTRAINT p_key PRIMARY KEY)" + child,
                (ca, modelA, modelB) -> {
            List<PlannedSegment> segments = new DatabasePlan(DatabaseDiffer.diff(modelA, modelB)).segments(RenderMode.ONLINE);
            SegmentRunner.up(ca, segments);
            assertEquals(modelB, INSPECTOR.inspect(ca), "after up");
            SegmentRunner.down(ca, segments);
            assertEquals(modelA, INSPECTOR.inspect(ca), "after down");
        });
    }

    @Test
    void viewsReadingAColumnRetypedInAnotherSchemaAreRebuiltAroundItWithTheViewsOnThem() throws SQLException {
        // public.v_names reads ref.owners.name, public.v_top reads v_names, rep.v_report reads v_top
        String views = "; CREATE VIEW public.v_names AS SELECT name FROM ref.owners"
                + "; CREATE VIEW public.v_top AS SELECT name FROM public.v_names"
                + "; CREATE SCHEMA rep; CREATE VIEW rep.v_report AS SELECT name FROM public.v_top";
        withTwo("CREATE SCHEMA ref; CREATE TABLE ref.owners (id integer PRIMARY KEY, name text)" + views,
                "CREATE SCHEMA ref; CREATE TABLE ref.owners (id integer PRIMARY KEY, name character varying(40))" + views,
                (ca, modelA, modelB) -> {
            assertEquals(List.of("ref:owners.name"), modelA.schemas().get("public").views().get("v_names").reads());
            List<PlannedSegment> segments = new DatabasePlan(DatabaseDiffer.diff(modelA, modelB)).segments(RenderMode.ONLINE);
            SegmentRunner.up(ca, segments);
            assertEquals(modelB, INSPECTOR.inspect(ca), "after up");
            SegmentRunner.down(ca, segments);
            assertEquals(modelA, INSPECTOR.inspect(ca), "after down");
        });
    }

    @Test
    void whatCallsARecreatedRoutineOfAnotherSchemaGoesAroundIt() throws SQLException {
        // the calls print qualified (lib is off public's search path); PostgreSQL refuses each DROP FUNCTION under them
        String table = "; CREATE TABLE public.t (id bigint DEFAULT lib.next_code(),"
                + " n integer CONSTRAINT n_positive CHECK (lib.positive(n)))"
                + "; CREATE INDEX t_positive ON public.t ((lib.positive(n)))";
        withTwo("CREATE SCHEMA lib; CREATE FUNCTION lib.next_code() RETURNS integer LANGUAGE sql AS 'SELECT 1'"
                    + "; CREATE FUNCTION lib.positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v > 0'"
                    + table,
                "CREATE SCHEMA lib; CREATE FUNCTION lib.next_code() RETURNS bigint LANGUAGE sql AS 'SELECT 2::bigint'"
                    + "; CREATE FUNCTION lib.positive(v integer DEFAULT 1) RETURNS boolean LANGUAGE sql IMMUTABLE"
                    + " AS 'SELECT v > 0'" + table, (ca, modelA, modelB) -> {
            assertEquals("lib.next_code()", modelA.schemas().get("public").tables().get("t").column("id").orElseThrow()
                    .defaultExpression());
            upAndDownTwice(ca, modelA, modelB);
        });
    }

    @Test
    void aGeneratedColumnCallingARecreatedRoutineOfAnotherSchemaIsReplacedAroundIt() throws SQLException {
        // the expression prints lib.twice(a) on both sides; PostgreSQL refuses the DROP FUNCTION while the column calls it
        String table = "; CREATE TABLE public.g (a integer, doubled bigint GENERATED ALWAYS AS (lib.twice(a)) STORED)";
        withTwo("CREATE SCHEMA lib; CREATE FUNCTION lib.twice(v integer) RETURNS integer LANGUAGE sql IMMUTABLE"
                    + " AS 'SELECT v * 2'" + table,
                "CREATE SCHEMA lib; CREATE FUNCTION lib.twice(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE"
                    + " AS 'SELECT v * 2'" + table, (ca, modelA, modelB) -> {
            assertEquals(modelA.schemas().get("public"), modelB.schemas().get("public"), "public is the same on both sides");
            List<Change> changes = DatabaseDiffer.diff(modelA, modelB);
            Change.DropReplacedColumn drop = changes.stream().filter(c -> c instanceof Change.DropReplacedColumn)
                    .map(c -> (Change.DropReplacedColumn) c).findFirst().orElseThrow(() -> new AssertionError(changes.toString()));
            assertEquals(List.of(new Change.CalledRoutine("lib", modelA.schemas().get("lib").functions().get("twice(v integer)"))),
                    drop.calledRoutines());
            try (Statement st = ca.createStatement()) {
                st.execute("INSERT INTO public.g (a) VALUES (21)");
            }
            upAndDownTwice(ca, modelA, modelB);
            try (Statement st = ca.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT doubled FROM public.g")) {
                rs.next();
                assertEquals(42, rs.getLong(1), "the values are computed again");
            }
        });
    }

    /** The online plan from A to B run on A: up twice (a re-run changes nothing), then down twice, inspected each time. */
    private static void upAndDownTwice(Connection ca, DatabaseModel modelA, DatabaseModel modelB) throws SQLException {
        List<PlannedSegment> segments = new DatabasePlan(DatabaseDiffer.diff(modelA, modelB)).segments(RenderMode.ONLINE);
        for (int run = 1; run <= 2; run++) {
            SegmentRunner.up(ca, segments);
            assertEquals(modelB, INSPECTOR.inspect(ca), "after up, run " + run);
        }
        for (int run = 1; run <= 2; run++) {
            SegmentRunner.down(ca, segments);
            assertEquals(modelA, INSPECTOR.inspect(ca), "after down, run " + run);
        }
    }

    /** What a test does with database A (its connection) and the models of A and B. */
    private interface OnTwo {
        void run(Connection ca, DatabaseModel modelA, DatabaseModel modelB) throws SQLException;
    }

    /** Two fresh databases made by the scripts, inspected, handed to {@code body}, and dropped. */
    private static void withTwo(String scriptA, String scriptB, OnTwo body) throws SQLException {
        try (TestDatabase a = TestServer.get().createDatabase(); TestDatabase b = TestServer.get().createDatabase();
             Connection ca = a.connect(); Connection cb = b.connect()) {
            exec(ca, scriptA);
            exec(cb, scriptB);
            body.run(ca, INSPECTOR.inspect(ca), INSPECTOR.inspect(cb));
        }
    }

    private static void exec(Connection c, String script) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : script.split(";")) st.execute(sql);
        }
    }
}
