package org.somaagent01.migrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.somaagent01.migrator.store.StatementFacts.DataLoss;
import org.somaagent01.migrator.store.StatementFacts.EnumValue;
import org.somaagent01.migrator.store.StatementFacts.LossKind;
import org.somaagent01.migrator.store.StatementFacts.TypeChange;

class StatementClassifierTest {
    private static StatementFacts facts(String sql) {
        return StatementClassifier.classify(sql);
    }

    private static DataLoss loss(LossKind kind, String table) {
        return new DataLoss(kind, table, null);
    }

    private static DataLoss column(String table, String column) {
        return new DataLoss(LossKind.COLUMN, table, column);
    }

    @Test
    void kindIsTheLeadingKeywords() {
        assertEquals("ALTER TABLE", facts("alter table t add column x int").kind());
        assertEquals("CREATE INDEX", facts("CREATE UNIQUE INDEX i ON t (x)").kind());
        assertEquals("CREATE FUNCTION", facts("CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql").kind());
        assertEquals("CREATE TABLE", facts("CREATE TEMP TABLE t (x int)").kind());
        assertEquals("CREATE TRIGGER", facts("CREATE CONSTRAINT TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()").kind());
        assertEquals("DROP MATERIALIZED VIEW", facts("DROP MATERIALIZED VIEW v").kind());
        assertEquals("DROP TABLE", facts("/* DROP VIEW */ -- DO\n DROP TABLE t").kind());
        assertEquals("DO", facts("DO $$ BEGIN DROP TABLE t; END $$").kind());
        assertEquals("REFRESH MATERIALIZED VIEW", facts("REFRESH MATERIALIZED VIEW mv").kind());
        assertEquals("CREATE TEXT SEARCH CONFIGURATION", facts("CREATE TEXT SEARCH CONFIGURATION c (COPY = english)").kind());
        assertEquals("", facts("-- nothing").kind());
        assertEquals("", facts("").kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX CONCURRENTLY i ON t (x)", "create unique index concurrently if not exists i on t (x)",
            "DROP INDEX CONCURRENTLY IF EXISTS i", "REINDEX INDEX CONCURRENTLY i", "REINDEX TABLE CONCURRENTLY t",
            "REINDEX (VERBOSE, CONCURRENTLY) TABLE t", "REINDEX SCHEMA public", "REINDEX DATABASE d", "VACUUM",
            "VACUUM (ANALYZE) t", "CREATE DATABASE d", "DROP DATABASE IF EXISTS d", "CREATE TABLESPACE ts LOCATION '/x'",
            "DROP TABLESPACE ts", "ALTER SYSTEM SET work_mem = '64MB'", "ALTER DATABASE d SET TABLESPACE ts",
            "ALTER TABLE p DETACH PARTITION c CONCURRENTLY", "DISCARD ALL"})
    void statementsThatRefuseATransaction(String sql) {
        assertTrue(facts(sql).outsideTransaction(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX i ON t (x)", "DROP INDEX i", "REINDEX TABLE t", "REINDEX (CONCURRENTLY false) TABLE t",
            "ALTER DATABASE d SET work_mem = '1MB'", "ANALYZE t", "SELECT 'VACUUM'", "-- VACUUM\nSELECT 1",
            "CREATE INDEX \"concurrently\" ON t (x)", "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
            "DO $$ BEGIN CREATE INDEX CONCURRENTLY i ON t (x); END $$", "ALTER TABLE p DETACH PARTITION c",
            "ALTER TYPE e ADD VALUE 'x'", "DISCARD PLANS"})
    void statementsThatRunInATransaction(String sql) {
        assertFalse(facts(sql).outsideTransaction(), sql);
    }

    @Test
    void droppedTablesAreLosses() {
        StatementFacts f = facts("DROP TABLE IF EXISTS a, public.b, \"Mixed Case\" CASCADE");
        assertEquals(List.of(loss(LossKind.TABLE, "a"), loss(LossKind.TABLE, "public.b"), loss(LossKind.TABLE, "Mixed Case")),
                f.losses());
        assertEquals(List.of("a", "public.b", "Mixed Case"), f.relations());
        assertTrue(f.destructive());
        assertEquals(List.of(loss(LossKind.TABLE, "t")), facts("drop table T restrict").losses());
    }

    @Test
    void droppedColumnsAreLossesAndConstraintsAreNot() {
        assertEquals(List.of(column("t", "c")), facts("ALTER TABLE IF EXISTS \"t\" DROP COLUMN IF EXISTS \"c\"").losses());
        assertEquals(List.of(column("s.t", "a"), column("s.t", "B"), column("s.t", "d")),
                facts("ALTER TABLE ONLY s.t DROP a, DROP COLUMN \"B\" CASCADE, DROP CONSTRAINT k, ADD COLUMN x int,"
                        + " DROP IF EXISTS d RESTRICT").losses());
        StatementFacts constraint = facts("ALTER TABLE IF EXISTS t DROP CONSTRAINT IF EXISTS t_fkey");
        assertEquals(List.of(), constraint.losses());
        assertFalse(constraint.destructive());
        assertEquals(List.of("t"), constraint.relations());
        assertEquals(List.of(), facts("ALTER TABLE t ALTER COLUMN c DROP DEFAULT, ALTER c DROP NOT NULL").losses());
    }

    @Test
    void truncatesAreLosses() {
        StatementFacts f = facts("TRUNCATE TABLE ONLY a, b * RESTART IDENTITY CASCADE");
        assertEquals(List.of(loss(LossKind.TRUNCATE, "a"), loss(LossKind.TRUNCATE, "b")), f.losses());
        assertEquals(List.of("a", "b"), f.relations());
        assertEquals(List.of(loss(LossKind.TRUNCATE, "x.y")), facts("truncate x.y").losses());
    }

    @Test
    void otherDropsAreLossesOfTheirKind() {
        assertEquals(List.of(loss(LossKind.TYPE, "job_status"), loss(LossKind.TYPE, "s.e")),
                facts("DROP TYPE IF EXISTS job_status, s.e CASCADE").losses());
        assertEquals(List.of(loss(LossKind.TYPE, "d")), facts("DROP DOMAIN d").losses());
        assertEquals(List.of(loss(LossKind.SCHEMA, "old"), loss(LossKind.SCHEMA, "older")),
                facts("DROP SCHEMA IF EXISTS old, older CASCADE").losses());
        assertEquals(List.of(loss(LossKind.VIEW, "v")), facts("DROP VIEW v").losses());
        assertEquals(List.of(loss(LossKind.VIEW, "mv")), facts("DROP MATERIALIZED VIEW IF EXISTS mv").losses());
        assertEquals(List.of("mv"), facts("DROP MATERIALIZED VIEW IF EXISTS mv").relations());
        assertEquals(List.of(loss(LossKind.SEQUENCE, "s")), facts("DROP SEQUENCE s").losses());
        assertEquals(List.of(loss(LossKind.FUNCTION, "f"), loss(LossKind.FUNCTION, "s.g")),
                facts("DROP FUNCTION IF EXISTS f(int, text), s.g()").losses());
        assertEquals(List.of(loss(LossKind.FUNCTION, "task_registry_touch_updated_at")),
                facts("DROP FUNCTION IF EXISTS task_registry_touch_updated_at();").losses());
        assertEquals(List.of(), facts("DROP INDEX i").losses());
        assertEquals(List.of(), facts("DROP EXTENSION IF EXISTS vector").losses());
    }

    @Test
    void typeChangesKeepTheTypeAsWritten() {
        assertEquals(List.of(new TypeChange("t", "c", "varchar(10)")),
                facts("ALTER TABLE t ALTER COLUMN c TYPE varchar(10) USING c::varchar(10)").typeChanges());
        assertEquals(List.of(new TypeChange("t", "e", "vector(3)"), new TypeChange("t", "tags", "text[]"),
                        new TypeChange("t", "n", "numeric(10, 2)")),
                facts("ALTER TABLE t ALTER e SET DATA TYPE vector(3), ALTER COLUMN tags TYPE text[],"
                        + " ALTER n TYPE numeric(10,2) COLLATE \"C\"").typeChanges());
        assertEquals(List.of(new TypeChange("Big", "At", "timestamp(3) with time zone")),
                facts("ALTER TABLE \"Big\" ALTER COLUMN \"At\" TYPE TIMESTAMP ( 3 ) WITH  TIME\nZONE").typeChanges());
        assertTrue(facts("ALTER TABLE t ALTER COLUMN c TYPE bigint").destructive());
        assertEquals(List.of(), facts("ALTER TABLE t ALTER COLUMN c SET DEFAULT 'TYPE'").typeChanges());
    }

    @Test
    void addedEnumValues() {
        assertEquals(List.of(new EnumValue("job_status", "paused")),
                facts("ALTER TYPE job_status ADD VALUE IF NOT EXISTS 'paused' BEFORE 'running'").addedEnumValues());
        assertEquals(List.of(new EnumValue("S.Mood", "it's")), facts("ALTER TYPE \"S\".\"Mood\" ADD VALUE E'it\\'s' AFTER 'x'").addedEnumValues());
        assertEquals(List.of(), facts("ALTER TYPE e RENAME VALUE 'a' TO 'b'").addedEnumValues());
    }

    @Test
    void relationsTheStatementLocks() {
        assertEquals(List.of("t"), facts("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY t USING btree (x)").relations());
        assertEquals(List.of("s.t"), facts("CREATE INDEX ON s.t (x)").relations());
        assertEquals(List.of("i", "j"), facts("DROP INDEX IF EXISTS i, j").relations());
        assertEquals(List.of("t"), facts("COMMENT ON TABLE t IS 'x; y'").relations());
        assertEquals(List.of("s.t"), facts("COMMENT ON COLUMN s.t.c IS NULL").relations());
        assertEquals(List.of("t"), facts("COMMENT ON CONSTRAINT k ON t IS NULL").relations());
        assertEquals(List.of(), facts("COMMENT ON TYPE e IS 'x'").relations());
        assertEquals(List.of("multimodal_capabilities"), facts("CREATE OR REPLACE TRIGGER mm BEFORE UPDATE OF a, b ON"
                + " multimodal_capabilities FOR EACH ROW EXECUTE FUNCTION f()").relations());
        assertEquals(List.of("task_registry"), facts("DROP TRIGGER IF EXISTS tr ON task_registry").relations());
        assertEquals(List.of("tenant_tool_flags", "tool_catalog"), facts("ALTER TABLE tenant_tool_flags ADD CONSTRAINT"
                + " f FOREIGN KEY (tool_name) REFERENCES tool_catalog (name) ON DELETE CASCADE").relations());
        assertEquals(List.of("t", "o"), facts("ALTER TABLE t ADD COLUMN o_id int REFERENCES o").relations());
        assertEquals(List.of("a", "s.b"), facts("LOCK TABLE ONLY a, s.b IN ACCESS EXCLUSIVE MODE NOWAIT").relations());
        assertEquals(List.of("mv"), facts("REFRESH MATERIALIZED VIEW CONCURRENTLY mv WITH DATA").relations());
        assertEquals(List.of("t"), facts("INSERT INTO t (a) VALUES (now())").relations());
        assertEquals(List.of("t"), facts("UPDATE ONLY t SET a = 1").relations());
        assertEquals(List.of("s.T"), facts("DELETE FROM s.\"T\" WHERE a = 1").relations());
        assertEquals(List.of("o", "p"), facts("CREATE TABLE c (x int REFERENCES o (id), LIKE p, CHECK (a LIKE b))").relations());
        assertEquals(List.of("parent"), facts("CREATE TABLE c PARTITION OF parent FOR VALUES IN (1)").relations());
        assertEquals(List.of("i"), facts("ALTER INDEX IF EXISTS i RENAME TO j").relations());
        assertEquals(List.of("t"), facts("REINDEX TABLE t").relations());
        assertEquals(List.of(), facts("CREATE TABLE t (x int)").relations());
    }

    @Test
    void doBlocksAndFunctionCallsAreOpaque() {
        String wrapper = "DO $$ BEGIN\n    ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY (a) REFERENCES o (id);\n"
                + "EXCEPTION WHEN duplicate_object THEN NULL;\nEND $$";
        StatementFacts f = facts(wrapper);
        assertTrue(f.opaque());
        assertEquals(List.of(), f.relations());
        assertEquals(List.of(), f.losses());
        assertTrue(facts("SELECT setval('s', 10)").opaque());
        assertTrue(facts("select public.cleanup()").opaque());
        assertTrue(facts("CALL p(1)").opaque());
        assertFalse(facts("SELECT 1").opaque());
        assertFalse(facts("SELECT count(*) FROM t WHERE x IN (1, 2)").opaque());
        assertFalse(facts("ALTER TABLE t ALTER COLUMN c SET DEFAULT now()").opaque());
    }

    @Test
    void commentsAndStringsNeverLookLikeKeywords() {
        assertEquals(List.of(), facts("SELECT 'DROP TABLE t'").losses());
        assertEquals(List.of(), facts("COMMENT ON TABLE t IS 'DROP COLUMN x'").losses());
        assertEquals(List.of(column("t", "c")), facts("ALTER /* DROP CONSTRAINT */ TABLE t -- x\n DROP c").losses());
        assertEquals(List.of(loss(LossKind.TABLE, "a")), facts("DROP TABLE a /* , b */").losses());
    }

    @Test
    void whatTheRendererWrites() {
        assertEquals(List.of(loss(LossKind.TABLE, "tool_catalog")), facts("DROP TABLE IF EXISTS tool_catalog").losses());
        assertEquals(List.of(new TypeChange("t", "select", "text")),
                facts("ALTER TABLE t ALTER COLUMN \"select\" TYPE text USING \"select\"::text").typeChanges());
        assertEquals(List.of(new EnumValue("e", "x")), facts("ALTER TYPE e ADD VALUE IF NOT EXISTS 'x' AFTER 'w'").addedEnumValues());
        assertEquals(List.of("old"), facts("ALTER TABLE IF EXISTS old RENAME TO new").relations());
        assertEquals(List.of("t"), facts("ALTER TABLE t ADD COLUMN IF NOT EXISTS c text DEFAULT 'x' NOT NULL").relations());
        assertEquals(List.of(), facts("ALTER TABLE t ADD COLUMN IF NOT EXISTS c text").losses());
        assertEquals(List.of("asset_provenance"),
                facts("CREATE INDEX IF NOT EXISTS idx_prov_tool ON asset_provenance USING btree (tool_id, provider)").relations());
        assertFalse(facts("CREATE EXTENSION IF NOT EXISTS vector").destructive());
    }

    @Test
    void garbageYieldsFewerFactsNotErrors() {
        for (String sql : List.of("DROP", "DROP TABLE", "ALTER TABLE", "ALTER TABLE t DROP", "ALTER TABLE t ALTER c TYPE",
                "TRUNCATE", "COMMENT ON", "REINDEX (", "CREATE INDEX ON", ")(", "'unterminated", "ALTER TYPE t ADD VALUE",
                "CREATE TRIGGER ON", "DROP FUNCTION f(")) {
            StatementFacts f = facts(sql);
            assertEquals(List.of(), f.typeChanges(), sql);
        }
    }
}
