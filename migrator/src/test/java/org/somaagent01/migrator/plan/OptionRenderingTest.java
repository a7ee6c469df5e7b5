package org.somaagent01.migrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.IndexModel.IndexKey;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/** Golden tests: each index and constraint option, change → up SQL and down SQL, plain and online. */
class OptionRenderingTest {
    private static final IndexModel RICH = new IndexModel("ix_t", true, "btree",
            List.of(new IndexKey("a", null, false, "C", "FIRST"), new IndexKey("(lower(b))", "text_pattern_ops", true, null, "LAST")),
            List.of("fillfactor=70", "deduplicate_items=off"), "(a IS NOT NULL)", List.of("c", "Mixed"), true);
    private static final KeyConstraint UNIQUE = new KeyConstraint("uq_t_a", List.of("a"), true, true, true);
    private static final ForeignKeyModel FK = new ForeignKeyModel("fk_t_p", List.of("p_id", "p_k"), "p", List.of("id", "k"),
            ForeignKeyAction.CASCADE, ForeignKeyAction.NO_ACTION, true, true, false, true);
    private static final CheckModel CHECK = new CheckModel("ck_t_a", "(a > 0)", true);
    private static final ExclusionModel EXCLUSION = new ExclusionModel("ex_t_during",
            "EXCLUDE USING gist (during WITH &&) WHERE ((a > 0)) DEFERRABLE");

    private static String up(Change c) { return String.join(";\n", SqlRenderer.render(c)); }

    private static String down(Change c) { return String.join(";\n", SqlRenderer.render(c.inverse())); }

    private static String online(Change c, boolean up) {
        return Planner.steps(List.of(c), RenderMode.ONLINE).stream().map(s -> String.join(";\n", up ? s.up() : s.down()))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(";\n-- step\n"));
    }

    @Test
    void anIndexWithEveryOption() {
        Change c = new Change.CreateIndex("t", RICH);
        assertEquals("CREATE UNIQUE INDEX IF NOT EXISTS ix_t ON t USING btree (a COLLATE \"C\" NULLS FIRST, "
                + "(lower(b)) text_pattern_ops DESC NULLS LAST) INCLUDE (c, \"Mixed\") NULLS NOT DISTINCT "
                + "WITH (fillfactor = 70, deduplicate_items = off) WHERE (a IS NOT NULL)", up(c));
        assertEquals("DROP INDEX IF EXISTS ix_t", down(c));
        assertEquals("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_t ON t USING btree (a COLLATE \"C\" NULLS FIRST, "
                + "(lower(b)) text_pattern_ops DESC NULLS LAST) INCLUDE (c, \"Mixed\") NULLS NOT DISTINCT "
                + "WITH (fillfactor = 70, deduplicate_items = off) WHERE (a IS NOT NULL)", online(c, true));
        assertEquals("DROP INDEX CONCURRENTLY IF EXISTS ix_t", online(c, false));
    }

    @Test
    void nullsInTheDefaultOrderAreNoOption() {
        assertEquals(new IndexKey("a", null, false), new IndexKey("a", null, false, null, "LAST"));
        assertEquals(new IndexKey("a", null, true), new IndexKey("a", null, true, null, "FIRST"));
    }

    @Test
    void aDeferrableUniqueNullsNotDistinct() {
        Change c = new Change.AddUnique("t", UNIQUE);
        assertEquals("DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('t') AND "
                + "conname = 'uq_t_a') THEN\n        ALTER TABLE t ADD CONSTRAINT uq_t_a UNIQUE NULLS NOT DISTINCT (a) "
                + "DEFERRABLE INITIALLY DEFERRED;\n    END IF;\nEND $$", up(c));
        assertEquals("ALTER TABLE IF EXISTS t DROP CONSTRAINT IF EXISTS uq_t_a", down(c));
        String online = online(c, true);
        assertTrue(online.startsWith("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_t_a ON t (a) NULLS NOT DISTINCT;"), online);
        assertTrue(online.contains("ADD CONSTRAINT uq_t_a UNIQUE USING INDEX uq_t_a DEFERRABLE INITIALLY DEFERRED;"), online);
        assertTrue(online.contains("ADD CONSTRAINT uq_t_a UNIQUE NULLS NOT DISTINCT (a) DEFERRABLE INITIALLY DEFERRED;"), online);
    }

    @Test
    void aForeignKeyMatchFullDeferrableNotValid() {
        Change c = new Change.AddForeignKey("t", FK);
        String plain = "DO $$ BEGIN\n    ALTER TABLE t ADD CONSTRAINT fk_t_p FOREIGN KEY (p_id, p_k) REFERENCES p (id, k) "
                + "MATCH FULL ON DELETE CASCADE DEFERRABLE NOT VALID;\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$";
        assertEquals(plain, up(c));
        assertEquals("ALTER TABLE IF EXISTS t DROP CONSTRAINT IF EXISTS fk_t_p", down(c));
        // meant to stay NOT VALID: no VALIDATE step
        assertEquals(plain, online(c, true));
        Change validated = new Change.AddForeignKey("t", FK.withNotValid(false));
        assertEquals(plain.replace("DEFERRABLE NOT VALID", "DEFERRABLE"), up(validated));
        assertEquals(plain + ";\n-- step\nALTER TABLE t VALIDATE CONSTRAINT fk_t_p", online(validated, true));
    }

    @Test
    void validatingInPlaceAndBack() {
        Change check = new Change.SetCheckValidated("t", CHECK.withNotValid(false), true);
        assertEquals("ALTER TABLE t VALIDATE CONSTRAINT ck_t_a", up(check));
        assertEquals("ALTER TABLE IF EXISTS t DROP CONSTRAINT IF EXISTS ck_t_a;\nDO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 "
                + "FROM pg_constraint WHERE conrelid = to_regclass('t') AND conname = 'ck_t_a') THEN\n        ALTER TABLE t "
                + "ADD CONSTRAINT ck_t_a CHECK ((a > 0)) NOT VALID;\n    END IF;\nEND $$", down(check));
        Change fk = new Change.SetForeignKeyValidated("t", FK.withNotValid(false), true);
        assertEquals("ALTER TABLE t VALIDATE CONSTRAINT fk_t_p", up(fk));
        assertEquals("ALTER TABLE IF EXISTS t DROP CONSTRAINT IF EXISTS fk_t_p;\nDO $$ BEGIN\n    ALTER TABLE t ADD "
                + "CONSTRAINT fk_t_p FOREIGN KEY (p_id, p_k) REFERENCES p (id, k) MATCH FULL ON DELETE CASCADE DEFERRABLE "
                + "NOT VALID;\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$", down(fk));
    }

    @Test
    void anExclusionConstraint() {
        Change c = new Change.AddExclusion("t", EXCLUSION);
        assertEquals("DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('t') AND "
                + "conname = 'ex_t_during') THEN\n        ALTER TABLE t ADD CONSTRAINT ex_t_during EXCLUDE USING gist "
                + "(during WITH &&) WHERE ((a > 0)) DEFERRABLE;\n    END IF;\nEND $$", up(c));
        assertEquals("ALTER TABLE IF EXISTS t DROP CONSTRAINT IF EXISTS ex_t_during", down(c));
    }

    @Test
    void aNewTableGetsItsNotValidChecksAfterCreateTable() {
        TableModel t = TableModel.of("t", List.of(new ColumnModel("a", "integer", false, null),
                        new ColumnModel("during", "tsrange", false, null)),
                new KeyConstraint("pk_t", List.of("a"), false, true, false), List.of(UNIQUE),
                List.of(CHECK, new CheckModel("ck_t_b", "(a < 9)")), List.of(), List.of(), List.of(), null)
                .withExclusions(List.of(EXCLUSION));
        List<String> sql = SqlRenderer.render(new Change.CreateTable(t));
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS t (\n    a integer,\n    during tsrange,\n"
                + "    CONSTRAINT pk_t PRIMARY KEY (a) DEFERRABLE,\n"
                + "    CONSTRAINT uq_t_a UNIQUE NULLS NOT DISTINCT (a) DEFERRABLE INITIALLY DEFERRED,\n"
                + "    CONSTRAINT ck_t_b CHECK ((a < 9)),\n"
                + "    CONSTRAINT ex_t_during EXCLUDE USING gist (during WITH &&) WHERE ((a > 0)) DEFERRABLE\n)",
                "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('t') AND "
                        + "conname = 'ck_t_a') THEN\n        ALTER TABLE t ADD CONSTRAINT ck_t_a CHECK ((a > 0)) NOT VALID;\n"
                        + "    END IF;\nEND $$"), sql);
    }

    private static SchemaModel schema(TableModel t) {
        return SchemaModel.of(List.of(), List.of(), List.of(t), List.of());
    }

    private static TableModel table(List<KeyConstraint> uniques, List<CheckModel> checks, List<IndexModel> indexes) {
        return TableModel.of("t", List.of(new ColumnModel("a", "integer", false, null)), null, uniques, checks, List.of(),
                indexes, List.of(), null);
    }

    @Test
    void theDifferTreatsAChangedOptionAsAChangedObjectAndValidationInPlace() {
        IndexModel plain = new IndexModel("ix", false, "btree", List.of(new IndexKey("a", null, false)), Map.of(), null);
        IndexModel covering = new IndexModel("ix", false, "btree", List.of(new IndexKey("a", null, false)), List.of(), null,
                List.of("a"), false);
        assertEquals(List.of(new Change.DropIndex("t", plain), new Change.CreateIndex("t", covering)),
                Differ.diff(schema(table(List.of(), List.of(), List.of(plain))), schema(table(List.of(), List.of(), List.of(covering)))));

        KeyConstraint u = new KeyConstraint("uq", List.of("a"));
        KeyConstraint deferrable = new KeyConstraint("uq", List.of("a"), false, true, false);
        assertEquals(List.of(new Change.DropUnique("t", u), new Change.AddUnique("t", deferrable)),
                Differ.diff(schema(table(List.of(u), List.of(), List.of())), schema(table(List.of(deferrable), List.of(), List.of()))));

        CheckModel valid = new CheckModel("ck", "(a > 0)");
        List<Change> validate = Differ.diff(schema(table(List.of(), List.of(valid.withNotValid(true)), List.of())),
                schema(table(List.of(), List.of(valid), List.of())));
        assertEquals(List.of(new Change.SetCheckValidated("t", valid, true)), validate);
        assertFalse(validate.get(0).destructive());
        assertEquals(List.of(new Change.SetCheckValidated("t", valid.withNotValid(true), false)),
                Differ.diff(schema(table(List.of(), List.of(valid), List.of())),
                        schema(table(List.of(), List.of(valid.withNotValid(true)), List.of()))));

        IndexModel ordered = new IndexModel("ix", false, "btree", List.of(new IndexKey("a", null, false)),
                List.of("fillfactor=70", "deduplicate_items=off"), null);
        IndexModel reordered = new IndexModel("ix", false, "btree", List.of(new IndexKey("a", null, false)),
                List.of("deduplicate_items=off", "fillfactor=70"), null);
        assertEquals(2, Differ.diff(schema(table(List.of(), List.of(), List.of(ordered))),
                schema(table(List.of(), List.of(), List.of(reordered)))).size(), "storage parameter order counts");
    }
}
