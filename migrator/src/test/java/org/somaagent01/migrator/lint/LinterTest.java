package org.somaagent01.migrator.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.generate.ScriptGenerator;
import org.somaagent01.migrator.plan.RenderMode;
import org.somaagent01.migrator.plan.OnlineExampleAccess;

class LinterTest {
    private static Set<String> rules(String sql) {
        Set<String> out = new TreeSet<>();
        for (Linter.Linted l : Linter.lint("x.sql", sql)) {
            for (Linter.Finding f : l.findings()) if (!f.acknowledged()) out.add(f.rule().id());
        }
        return out;
    }

    private static String script(RenderMode mode) {
        return ScriptGenerator.texts("0002_x", Differ.diff(OnlineExampleAccess.before(), OnlineExampleAccess.after()), mode).up();
    }

    @Test
    void thePlainPlanHasEveryLockHazardAndTheOnlinePlanNone() {
        assertEquals(new TreeSet<>(List.of("adding-foreign-key-constraint", "constraint-missing-not-valid",
                "disallowed-unique-constraint", "require-concurrent-index-creation", "require-concurrent-index-deletion",
                "setting-not-null")), rules(script(RenderMode.PLAIN)));
        assertEquals(Set.of(), rules(script(RenderMode.ONLINE)), script(RenderMode.ONLINE));
    }

    @Test
    void locksAndEffectsOfTheOnlineForms() {
        List<Linter.Linted> online = Linter.lint("x.sql", script(RenderMode.ONLINE));
        Linter.Linted build = online.stream().filter(l -> l.kind().equals("CREATE INDEX")).findFirst().orElseThrow();
        assertEquals(Lock.SHARE_UPDATE_EXCLUSIVE, build.lock());
        assertEquals(Effect.SCAN, build.effect());
        assertEquals(List.of("executions"), build.tables());
        Linter.Linted setNotNull = online.stream().filter(l -> l.kind().equals("ALTER TABLE") && l.lock() == Lock.ACCESS_EXCLUSIVE)
                .findFirst().orElseThrow();
        assertEquals(Effect.NONE, setNotNull.effect(), "NOT NULL proven by the validated CHECK needs no scan");
    }

    @Test
    void handWrittenHazards() {
        assertEquals(Set.of("adding-field-with-volatile-default"), rules("ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();"));
        assertEquals(Set.of(), rules("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now();"));
        assertEquals(Set.of("adding-not-nullable-field"), rules("ALTER TABLE t ADD COLUMN c int NOT NULL;"));
        assertEquals(Set.of("changing-column-type"), rules("ALTER TABLE t ALTER COLUMN c TYPE bigint;"));
        assertEquals(Set.of("renaming-column"), rules("ALTER TABLE t RENAME COLUMN a TO b;"));
        assertEquals(Set.of("renaming-table"), rules("ALTER TABLE t RENAME TO u;"));
        assertEquals(Set.of("ban-drop-column"), rules("ALTER TABLE t DROP COLUMN c;"));
        assertEquals(Set.of("ban-drop-table"), rules("DROP TABLE IF EXISTS t;"));
        assertEquals(Set.of("adding-foreign-key-constraint"), rules("ALTER TABLE t ADD COLUMN o int REFERENCES o (id);"));
        assertEquals(Set.of("disallowed-unique-constraint"), rules("ALTER TABLE t ADD CONSTRAINT u UNIQUE (c);"));
        assertEquals(Set.of("enum-value-used-in-transaction"),
                rules("ALTER TYPE mood ADD VALUE 'meh';\nUPDATE t SET m = 'meh';"));
        assertEquals(Set.of(), rules("ALTER TYPE mood ADD VALUE 'meh';\n-- migrator:segment\nUPDATE t SET m = 'meh';"));
        // in text, comments and strings never look like DDL
        assertEquals(Set.of(), rules("SELECT 'DROP TABLE t'; -- ALTER TABLE t ALTER c TYPE int"));
    }

    @Test
    void aTableCreatedInTheSameScriptHasNoLockHazards() {
        assertEquals(Set.of(), rules("CREATE TABLE IF NOT EXISTS t (id int);\nCREATE INDEX ix ON t (id);\n"
                + "ALTER TABLE t ADD CONSTRAINT u UNIQUE (id);\nALTER TABLE t ALTER COLUMN id SET NOT NULL;"));
        assertEquals(Set.of("require-concurrent-index-creation"), rules("CREATE TABLE t (id int);\nCREATE INDEX ix ON other (id);"));
    }

    @Test
    void findingsAreAcknowledgedByLineOrKindInTheHeader() {
        String body = "ALTER TABLE t ALTER COLUMN c TYPE bigint;\nDROP TABLE u;\n";
        assertEquals(Set.of("ban-drop-table"), rules("-- migrator:lint-ok changing-column-type line 3\n\n" + body));
        assertEquals(Set.of("changing-column-type"), rules("-- migrator:lint-ok ban-drop-table drop table\n" + body));
        assertEquals(Set.of("ban-drop-table", "changing-column-type"),
                rules("-- migrator:lint-ok changing-column-type line 4\n\n" + body), "another line is not acknowledged");
        MigratorException e = assertThrows(MigratorException.class, () -> rules("-- migrator:lint-ok no-such-rule line 2\n" + body));
        assertTrue(e.getMessage().startsWith("x.sql line 1: "), e.getMessage());
        assertThrows(MigratorException.class, () -> rules("-- migrator:lint-ok ban-drop-table\n" + body));
    }

    @Test
    void theDdlInsideDoBlocksIsRead() {
        assertEquals(List.of("ALTER TABLE t ADD CONSTRAINT c CHECK (x > 0)", "CREATE INDEX i ON t (x)"), Linter.innerStatements(
                "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1) THEN\n        ALTER TABLE t ADD CONSTRAINT c CHECK (x > 0);\n"
                        + "        CREATE INDEX i ON t (x);\n    END IF;\nEND $$"));
    }
}
