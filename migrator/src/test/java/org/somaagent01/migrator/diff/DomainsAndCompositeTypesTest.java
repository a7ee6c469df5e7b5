package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.CompositeTypeModel;
import org.somaagent01.migrator.model.CompositeTypeModel.Attribute;
import org.somaagent01.migrator.model.DomainModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.migrator.store.Snapshots;

/** Domains and composite types: golden SQL (up and down), the inspector, snapshots and live round trips. */
class DomainsAndCompositeTypesTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException { db = new LiveSchema(); }

    @AfterAll
    static void close() throws SQLException { if (db != null) db.close(); }

    private static final DomainModel POSITIVE = DomainModel.of("positive", "numeric(10,2)", null, "1", true,
            List.of(new CheckModel("ck_pos", "(VALUE > (0)::numeric)"), new CheckModel("ck_small", "(VALUE < (100)::numeric)", true)));

    @Test
    void domainChangesRender() {
        Golden.renders(new Change.CreateDomain(POSITIVE),
                List.of("DO $$ BEGIN\n    CREATE DOMAIN positive AS numeric(10,2) DEFAULT 1 NOT NULL"
                                + " CONSTRAINT ck_pos CHECK ((VALUE > (0)::numeric));\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$",
                        "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE contypid = to_regtype('positive')"
                                + " AND conname = 'ck_small') THEN\n        ALTER DOMAIN positive ADD CONSTRAINT ck_small"
                                + " CHECK ((VALUE < (100)::numeric)) NOT VALID;\n    END IF;\nEND $$"),
                List.of("DROP DOMAIN IF EXISTS positive"));
        Golden.renders(new Change.SetDomainDefault("positive", null, "2"), List.of("ALTER DOMAIN positive SET DEFAULT 2"),
                List.of("ALTER DOMAIN positive DROP DEFAULT"));
        Golden.renders(new Change.SetDomainNotNull("positive", true), List.of("ALTER DOMAIN positive SET NOT NULL"),
                List.of("ALTER DOMAIN positive DROP NOT NULL"));
        Golden.renders(new Change.DropDomainCheck("positive", new CheckModel("ck_pos", "(VALUE > 0)")),
                List.of("DO $$ BEGIN\n    ALTER DOMAIN positive DROP CONSTRAINT ck_pos;\nEXCEPTION WHEN undefined_object THEN NULL;\nEND $$"),
                List.of("DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE contypid = to_regtype('positive')"
                        + " AND conname = 'ck_pos') THEN\n        ALTER DOMAIN positive ADD CONSTRAINT ck_pos CHECK ((VALUE > 0));"
                        + "\n    END IF;\nEND $$"));
    }

    @Test
    void compositeTypeChangesRender() {
        CompositeTypeModel pair = new CompositeTypeModel("pair", List.of(new Attribute("a", "integer"), new Attribute("b", "text", "C")));
        Golden.renders(new Change.CreateCompositeType(pair),
                List.of("DO $$ BEGIN\n    CREATE TYPE pair AS (a integer, b text COLLATE \"C\");\nEXCEPTION WHEN duplicate_object"
                        + " THEN NULL;\nEND $$"),
                List.of("DROP TYPE IF EXISTS pair"));
        Golden.renders(new Change.AddAttribute("pair", new Attribute("c", "bigint")),
                List.of("DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = (SELECT typrelid FROM pg_type"
                        + " WHERE oid = to_regtype('pair')) AND attname = 'c' AND NOT attisdropped) THEN\n        ALTER TYPE pair"
                        + " ADD ATTRIBUTE c bigint;\n    END IF;\nEND $$"),
                List.of("ALTER TYPE pair DROP ATTRIBUTE IF EXISTS c"));
        // only while the attribute differs: PostgreSQL refuses even a retype to the same type once a column uses the type
        String differs = "DO $$ BEGIN\nIF EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid LEFT JOIN"
                + " pg_collation co ON co.oid = a.attcollation WHERE a.attrelid = (SELECT typrelid FROM pg_type WHERE oid ="
                + " to_regtype('pair')) AND a.attnum > 0 AND NOT a.attisdropped AND ((a.attname = 'a' AND"
                + " (format_type(a.atttypid, a.atttypmod) <> '%s' OR CASE WHEN a.attcollation <> at.typcollation THEN"
                + " co.collname::text END IS DISTINCT FROM NULL)))) THEN\n    ALTER TYPE pair ALTER ATTRIBUTE a TYPE %s;\nEND IF;\nEND $$";
        Golden.renders(new Change.AlterAttributeType("pair", new Attribute("a", "integer"), new Attribute("a", "bigint")),
                List.of(differs.formatted("bigint", "bigint")), List.of(differs.formatted("integer", "integer")));
    }

    @Test
    void snapshotsWithoutThemAreUnchangedAndWithThemRoundTrip() {
        SchemaModel none = SchemaModel.EMPTY;
        assertTrue(!Snapshots.write(none).contains("domains") && !Snapshots.write(none).contains("compositeTypes"));
        SchemaModel some = none.withDomains(List.of(POSITIVE))
                .withCompositeTypes(List.of(new CompositeTypeModel("pair", List.of(new Attribute("a", "integer")))));
        assertEquals(some, Snapshots.read(Snapshots.write(some), "test"));
    }

    @Test
    void theInspectorReadsDomainsAndTheyRoundTripWithAColumnUsingOne() throws SQLException {
        SchemaModel a = db.load("CREATE DOMAIN positive AS numeric(10,2) DEFAULT 1 NOT NULL CONSTRAINT ck_pos"
                        + " CHECK (VALUE > 0)",
                "ALTER DOMAIN positive ADD CONSTRAINT ck_small CHECK (VALUE < 100) NOT VALID",
                "CREATE DOMAIN code AS character varying(10) COLLATE \"C\"",
                "CREATE TABLE t (id integer, amount positive, c text)");
        assertEquals(POSITIVE, a.domains().get("positive"));
        assertEquals(DomainModel.of("code", "character varying(10)", "C", null, false, List.of()), a.domains().get("code"));
        assertEquals("positive", a.tables().get("t").column("amount").orElseThrow().type());
        SchemaModel b = db.load("CREATE DOMAIN positive AS numeric(10,2) DEFAULT 2 CONSTRAINT ck_pos CHECK (VALUE >= 0)"
                        + " CONSTRAINT ck_small CHECK (VALUE < 100)",
                "CREATE DOMAIN code AS character varying(12)",
                "CREATE DOMAIN later AS text NOT NULL",
                // a base type changes only for a domain no column uses (PostgreSQL refuses to drop one in use)
                "CREATE TABLE t (id integer, amount positive, c code, l later)");
        assertTrue(Differ.diff(a, b).contains(new Change.ReplaceDomain(a.domains().get("code"), b.domains().get("code"))));
        db.roundTrip(a, b);
    }

    @Test
    void aDomainGivenANewBaseTypeUnderColumnsIsSwappedAndTheColumnsKeepTheirRows() throws SQLException {
        // a column with a default, an array column, an index and a view on the domain's columns
        String using = "CREATE TABLE t (id integer, score d DEFAULT 5, scores d[]);"
                + " CREATE INDEX t_score ON t (score); CREATE VIEW v AS SELECT score FROM t";
        String checks = " NOT NULL CONSTRAINT ck_pos CHECK (VALUE > 0); ALTER DOMAIN d ADD CONSTRAINT ck_old CHECK (VALUE < 1000) NOT VALID; ";
        SchemaModel a = db.load("CREATE DOMAIN d AS integer" + checks + using);
        SchemaModel b = db.load("CREATE DOMAIN d AS bigint" + checks + using);
        List<Change> changes = Differ.diff(a, b);
        assertTrue(changes.stream().anyMatch(c -> c instanceof Change.ReplaceDomain r && r.users().size() == 2), changes.toString());
        db.roundTrip(a, b);

        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, a)).upStatements());
        db.execute(List.of("INSERT INTO t VALUES (1, 7, '{3,4}'), (2, DEFAULT, NULL)"));
        db.execute(new Plan(changes).upStatements());
        assertEquals(b, db.inspect());
        try (var st = db.connection().createStatement();
             var rs = st.executeQuery("SELECT string_agg(score || ':' || coalesce(scores::text, '-'), ',' ORDER BY id) FROM t")) {
            rs.next();
            assertEquals("7:{3,4},5:-", rs.getString(1), "rows and default kept through the swap");
        }
    }

    @Test
    void aCompositeTypeWhoseAttributesAreRetypedUnderColumnsIsSwappedAndTheColumnsKeepTheirRows() throws SQLException {
        // PostgreSQL refuses ALTER TYPE … ALTER ATTRIBUTE … TYPE while a column uses the type; attributes that go and
        // come are dropped and added in place around the swap
        String using = "; CREATE TABLE t (id integer, p pair DEFAULT NULL::pair, ps pair[]);"
                + " CREATE INDEX t_p ON t (p); CREATE VIEW v AS SELECT (p).a AS a FROM t";
        SchemaModel a = db.load("CREATE TYPE pair AS (a integer, b varchar(10), c integer)" + using);
        SchemaModel b = db.load("CREATE TYPE pair AS (a bigint, b text COLLATE \"C\", d date)" + using);
        List<Change> changes = Differ.diff(a, b);
        assertTrue(changes.stream().anyMatch(c -> c instanceof Change.ReplaceCompositeType r && r.users().size() == 2),
                changes.toString());
        db.roundTrip(a, b);

        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, a)).upStatements());
        db.execute(List.of("INSERT INTO t VALUES (1, ROW(7, 'x', 3), ARRAY[ROW(8, 'y', 4)::pair]), (2, NULL, NULL),"
                + " (3, ROW(NULL, NULL, NULL), '{}')"));
        db.execute(new Plan(changes).upStatements());
        assertEquals(b, db.inspect());
        try (var st = db.connection().createStatement(); var rs = st.executeQuery(
                "SELECT string_agg(id || ':' || coalesce(p::text, '-') || ':' || coalesce(ps::text, '-'), ',' ORDER BY id) FROM t")) {
            rs.next();
            assertEquals("1:(7,x,):{\"(8,y,)\"},2:-:-,3:(,,):{}", rs.getString(1), "rows kept through the swap, a null row too");
        }
    }

    @Test
    void aDroppedDomainCheckLeavesLaterSubtransactionsOfItsTransactionWorking() throws SQLException {
        SchemaModel a = db.load("CREATE DOMAIN d AS integer CONSTRAINT a CHECK (VALUE > 0) CONSTRAINT b CHECK (VALUE < 1000)");
        SchemaModel b = db.load("CREATE DOMAIN d AS integer CONSTRAINT a CHECK (VALUE > 0)");
        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, a)).upStatements());
        List<String> oneTransaction = new java.util.ArrayList<>(List.of("BEGIN"));
        oneTransaction.addAll(new Plan(Differ.diff(a, b)).upStatements());
        oneTransaction.add(SqlRenderer.render(new Change.CreateCompositeType(new CompositeTypeModel("p",
                List.of(new Attribute("x", "integer"))))).get(0));
        oneTransaction.add("COMMIT");
        db.execute(oneTransaction);
        assertEquals(b.withCompositeTypes(List.of(new CompositeTypeModel("p", List.of(new Attribute("x", "integer"))))),
                db.inspect());
    }

    @Test
    void theInspectorReadsCompositeTypesAndTheyRoundTrip() throws SQLException {
        SchemaModel a = db.load("CREATE TYPE pair AS (a integer, b text COLLATE \"C\")", "CREATE TYPE gone AS (x integer)",
                "CREATE TABLE t (id integer, p pair)");
        assertEquals(new CompositeTypeModel("pair", List.of(new Attribute("a", "integer"), new Attribute("b", "text", "C"))),
                a.compositeTypes().get("pair"));
        assertEquals(List.of("gone", "pair"), List.copyOf(a.compositeTypes().keySet()));
        SchemaModel b = db.load("CREATE TYPE pair AS (a integer, b text COLLATE \"C\", c numeric(5,1))",
                "CREATE TYPE fresh AS (x bigint, y text)", "CREATE TYPE gone AS (x bigint)",
                "CREATE TABLE t (id integer, p pair)");
        db.roundTrip(a, b);
    }
}
