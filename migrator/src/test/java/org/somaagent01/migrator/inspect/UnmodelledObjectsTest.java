package org.somaagent01.migrator.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.apply.DriftReport;
import org.somaagent01.migrator.fidelity.Fixtures;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * What the model cannot express is found and named, never hidden: a database with such objects inspects to the
 * same model as one without them, and the drift report still tells them apart. (Index and constraint options,
 * exclusion constraints included, are in the model now: see {@link IndexAndConstraintOptionsInspectionTest}.)
 */
class UnmodelledObjectsTest {
    private static final List<String> OUTSIDE_THE_MODEL = List.of(
            "CREATE TABLE base (id integer PRIMARY KEY, during tsrange, name text COLLATE \"C\", "
                    + "total integer GENERATED ALWAYS AS (id * 2) STORED, seq_id bigserial)",
            "CREATE VIEW v_base AS SELECT id FROM base",
            "CREATE MATERIALIZED VIEW mv_base AS SELECT id FROM base",
            "CREATE INDEX mv_base_id ON mv_base (id)",
            "ALTER SEQUENCE base_seq_id_seq INCREMENT BY 5",
            // modelled up to here; what follows is not
            "CREATE TABLE events (id integer, at date) PARTITION BY RANGE (at)",
            "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
            // an index whose CONCURRENTLY build failed: not the index it was meant to be
            "CREATE INDEX base_broken ON base (id)",
            "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'base_broken'::regclass",
            "CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer)",
            "CREATE FUNCTION atomic_one() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
            // a constraint trigger's FROM table is not modelled (its condition, columns and deferral are)
            "CREATE CONSTRAINT TRIGGER base_touch AFTER UPDATE OF name ON base FROM base DEFERRABLE FOR EACH ROW"
                    + " WHEN (NEW.id > 0) EXECUTE FUNCTION touch()",
            "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
            "GRANT SELECT ON base TO PUBLIC",
            "CREATE SCHEMA tenant_b",
            "CREATE TABLE tenant_b.other (id integer)");

    private static void exec(Connection c, List<String> sql) throws Exception {
        try (Statement st = c.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }

    @Test
    void theShippedSchemaIsEntirelyInsideTheModel() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            new Applier(ApplyOptions.defaults(), line -> { }).apply(c, Fixtures.shippedScripts(), null);
            assertEquals(List.of(), new UnmodelledObjects("public", "migrator").find(c));
        }
    }

    @Test
    void everyKindOutsideTheModelIsNamedAndTheDriftReportSaysSo() throws Exception {
        try (TestDatabase plain = TestServer.get().createDatabase(); TestDatabase rich = TestServer.get().createDatabase();
             Connection p = plain.connect(); Connection r = rich.connect()) {
            exec(p, List.of(OUTSIDE_THE_MODEL.get(0).replace(" COLLATE \"C\"", ""), OUTSIDE_THE_MODEL.get(1),
                    OUTSIDE_THE_MODEL.get(2)));
            exec(r, OUTSIDE_THE_MODEL);
            UnmodelledObjects finder = new UnmodelledObjects("public", "migrator");
            Set<String> kinds = new TreeSet<>();
            finder.find(r).forEach(u -> kinds.add(u.kind()));
            assertEquals(new TreeSet<>(List.of("invalid index", "other schema", "privileges", "routine", "routine body",
                    "trigger option")),
                    kinds);

            // the report names them although the model of the shared table cannot tell the two apart
            List<String> lines = DriftReport.describe(new CatalogInspector("public").inspect(p), List.of(),
                    new CatalogInspector("public").inspect(r), finder.find(r));
            for (String k : kinds) assertTrue(lines.stream().anyMatch(l -> l.startsWith(k + " ")), k + " in " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains("the model cannot express it")), lines.toString());
            // compared by definition: the same objects on both sides give no line, a changed one does
            assertEquals(List.of(), UnmodelledObjects.compare(finder.find(r), finder.find(r)));
            List<UnmodelledObjects.Unmodelled> before = finder.find(r);
            exec(r, List.of("CREATE OR REPLACE FUNCTION atomic_one() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 2; END"));
            List<String> changed = UnmodelledObjects.compare(before, finder.find(r));
            assertTrue(changed.stream().anyMatch(l -> l.startsWith("routine body atomic_one() differs")), changed.toString());
        }
    }

    @Test
    void modelledOptionsAreNoLongerOutsideTheModel() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            exec(c, List.of("CREATE TABLE p (id integer PRIMARY KEY)",
                    "CREATE TABLE base (id integer, p_id integer, name text, during tsrange, "
                            + "CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&), "
                            + "CONSTRAINT uq_name UNIQUE NULLS NOT DISTINCT (name) DEFERRABLE INITIALLY DEFERRED)",
                    "ALTER TABLE base ADD CONSTRAINT ck_id CHECK (id > 0) NOT VALID",
                    "ALTER TABLE base ADD CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id) MATCH FULL DEFERRABLE NOT VALID",
                    "CREATE INDEX base_cover ON base (id) INCLUDE (name)",
                    "CREATE INDEX base_nulls ON base (name COLLATE \"C\" NULLS FIRST)",
                    "CREATE UNIQUE INDEX base_unique ON base (p_id) NULLS NOT DISTINCT",
                    "ALTER TABLE base ENABLE ROW LEVEL SECURITY", "ALTER TABLE base FORCE ROW LEVEL SECURITY",
                    "CREATE POLICY own_rows ON base USING (id > 0)",
                    "CREATE VIEW v_base AS SELECT id FROM base", "COMMENT ON VIEW v_base IS 'a view'",
                    "COMMENT ON COLUMN v_base.id IS 'a view column'", "COMMENT ON INDEX base_cover IS 'covering'",
                    "COMMENT ON CONSTRAINT ck_id ON base IS 'positive'",
                    "CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT SET work_mem = '64MB'"
                            + " AS 'SELECT i + 1'",
                    "CREATE PROCEDURE noop(IN n integer) LANGUAGE sql AS 'SELECT 1'",
                    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
                    "CREATE TRIGGER base_touch BEFORE UPDATE OF name ON base FOR EACH ROW WHEN (NEW.id > 0)"
                            + " EXECUTE FUNCTION touch('x')",
                    "CREATE CONSTRAINT TRIGGER base_later AFTER INSERT ON base DEFERRABLE FOR EACH ROW EXECUTE FUNCTION touch()",
                    "ALTER TABLE base DISABLE TRIGGER base_later",
                    "CREATE DOMAIN positive AS integer DEFAULT 1 NOT NULL CONSTRAINT ck_pos CHECK (VALUE > 0)",
                    "CREATE TYPE pair AS (a integer, b text)",
                    "CREATE TABLE events (id integer, at date) PARTITION BY RANGE (at)",
                    "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                    "CREATE TABLE child (extra text) INHERITS (p)",
                    "CREATE UNLOGGED TABLE scratch (id integer)"));
            assertEquals(List.of(), new UnmodelledObjects("public", "migrator").find(c));
        }
    }

    @Test
    void emptySchemasHaveNothingOutsideTheModel() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect()) {
            assertEquals(List.of(), new UnmodelledObjects("public", "migrator").find(c));
            assertEquals(SchemaModel.EMPTY, Snapshots.head(List.of()));
        }
    }
}
