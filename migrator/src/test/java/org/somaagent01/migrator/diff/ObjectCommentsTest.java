package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.ViewModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.migrator.store.Snapshots;

/** COMMENT ON views, materialized views, view columns, sequences, indexes and constraints. */
class ObjectCommentsTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException { db = new LiveSchema(); }

    @AfterAll
    static void close() throws SQLException { if (db != null) db.close(); }

    @Test
    void commentsRender() {
        Golden.renders(new Change.SetObjectComment("VIEW", "v", null, "it's a view"), "COMMENT ON VIEW v IS 'it''s a view'",
                "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_class WHERE oid = to_regclass('v') AND relkind IN ('v')) THEN\n"
                        + "        COMMENT ON VIEW v IS NULL;\n    END IF;\nEND $$");
        Golden.renders(new Change.SetObjectComment("CONSTRAINT", "t.ck_n", null, "positive"), "COMMENT ON CONSTRAINT ck_n ON t IS 'positive'",
                "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('t') AND conname = 'ck_n') THEN\n"
                        + "        COMMENT ON CONSTRAINT ck_n ON t IS NULL;\n    END IF;\nEND $$");
        Golden.renders(new Change.SetObjectComment("COLUMN", "v.n", "old", "new"), "COMMENT ON COLUMN v.n IS 'new'",
                "COMMENT ON COLUMN v.n IS 'old'");
        assertEquals(List.of("COMMENT ON MATERIALIZED VIEW m IS 'x'"),
                SqlRenderer.render(new Change.SetObjectComment("MATERIALIZED VIEW", "m", null, "x")));
    }

    /** t(id, n) with a primary key, a CHECK and an index, a view and a materialized view over it, a sequence. */
    private static SchemaModel schema(String nType, Map<String, String> comments) {
        TableModel t = TableModel.of("t", List.of(new ColumnModel("id", "integer", true, null), new ColumnModel("n", nType, false, null)),
                new KeyConstraint("pk_t", List.of("id")), List.of(), List.of(new CheckModel("ck_n", "(n > 0)")), List.of(),
                List.of(new IndexModel("ix_n", false, "btree", List.of(new IndexModel.IndexKey("n", null, false)), Map.of(), null)),
                List.of(), null);
        ViewModel v = new ViewModel("v", false, " SELECT t.n\n   FROM t;", Map.of(), List.of("t.n"));
        ViewModel m = new ViewModel("m", true, " SELECT t.id\n   FROM t;", Map.of(), List.of("t.id"));
        return SchemaModel.of(List.of(), List.of(), List.of(t), List.of(), List.of(SequenceModel.defaults("s")), List.of(v, m))
                .withComments(comments);
    }

    private static final Map<String, String> ALL = Map.of("VIEW v", "the view", "MATERIALIZED VIEW m", "the copy",
            "COLUMN v.n", "its n", "SEQUENCE s", "a counter", "INDEX ix_n", "by n", "CONSTRAINT t.ck_n", "positive",
            "CONSTRAINT t.pk_t", "the key", "INDEX pk_t", "the key's index");

    @Test
    void commentsComeChangeAndGo() throws SQLException {
        db.roundTrip(schema("integer", Map.of()), schema("integer", ALL));
        db.roundTrip(schema("integer", ALL), schema("integer", Map.of("VIEW v", "another", "INDEX ix_n", "by n")));
    }

    @Test
    void objectsRebuiltAroundATypeChangeOrDroppedGetTheirCommentsBack() throws SQLException {
        // n's type change rebuilds v, ix_n and ck_n
        db.roundTrip(schema("integer", ALL), schema("bigint", ALL));
        db.roundTrip(schema("integer", ALL), SchemaModel.EMPTY);
    }

    @Test
    void theInspectorReadsEachKindAndSnapshotsLeaveNoneOut() throws SQLException {
        db.reset();
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, schema("integer", Map.of()))).upStatements());
        db.execute(List.of("COMMENT ON VIEW v IS 'the view'", "COMMENT ON MATERIALIZED VIEW m IS 'the copy'",
                "COMMENT ON COLUMN v.n IS 'its n'", "COMMENT ON SEQUENCE s IS 'a counter'", "COMMENT ON INDEX ix_n IS 'by n'",
                "COMMENT ON CONSTRAINT ck_n ON t IS 'positive'", "COMMENT ON CONSTRAINT pk_t ON t IS 'the key'",
                "COMMENT ON INDEX pk_t IS 'the key''s index'"));
        assertEquals(schema("integer", ALL), db.inspect());
        String json = Snapshots.write(schema("integer", Map.of()));
        assertTrue(!json.contains("comments"), json);
        assertEquals(schema("integer", ALL), Snapshots.read(Snapshots.write(schema("integer", ALL)), "test"));
    }
}
