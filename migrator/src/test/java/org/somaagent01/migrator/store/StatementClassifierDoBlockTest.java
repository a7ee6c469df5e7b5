package org.somaagent01.migrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ViewModel;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.migrator.store.StatementFacts.DataLoss;
import org.somaagent01.migrator.store.StatementFacts.LossKind;
import org.somaagent01.migrator.store.StatementFacts.TypeChange;

/** The drops and retypes the renderer guards inside DO blocks are read as if written plainly; nothing else is. */
class StatementClassifierDoBlockTest {
    private static StatementFacts only(List<String> statements) {
        assertEquals(1, statements.size(), statements.toString());
        return StatementClassifier.classify(statements.get(0));
    }

    @Test
    void aReplacedGeneratedColumnIsADroppedColumn() {
        ColumnModel before = new ColumnModel("Key", "text", false, null, null, "lower(name)", null);
        ColumnModel after = new ColumnModel("Key", "text", false, null, null, "upper(name)", null);
        StatementFacts f = only(SqlRenderer.render(new Change.DropReplacedColumn("My Table", before, after,
                new TreeMap<>(Map.of("name", "character varying(10)")))));
        assertEquals("DO", f.kind());
        assertTrue(f.opaque());
        assertEquals(List.of(new DataLoss(LossKind.COLUMN, "My Table", "Key")), f.losses());
        assertEquals(List.of(), f.typeChanges());
        assertEquals(List.of(), f.relations());
    }

    @Test
    void aRetypeOfAColumnAGeneratedOneReadsIsATypeChange() {
        StatementFacts f = only(SqlRenderer.render(new Change.AlterColumnType("t", "n", "bigint", "integer", true)));
        assertEquals(List.of(new TypeChange("t", "n", "integer")), f.typeChanges());
        assertEquals(List.of(), f.losses());
    }

    @Test
    void anEnumSwapIsNeitherALossNorACast() {
        StatementFacts f = only(SqlRenderer.render(new Change.SwapEnumType("mood", List.of("sad", "ok", "happy"),
                List.of("ok", "happy"), Map.of("sad", "ok"), List.of(new Change.EnumColumn("t", "m", false, "'ok'::mood"),
                new Change.EnumColumn("u", "ms", true, null)))));
        assertEquals(List.of(), f.losses());
        assertEquals(List.of(), f.typeChanges());
    }

    @Test
    void droppedViewsAndDynamicSqlStayUnread() {
        ViewModel v = new ViewModel("v", false, "SELECT 1", Map.of(), List.of());
        assertEquals(List.of(), only(SqlRenderer.render(new Change.DropView(v))).losses());
        assertEquals(List.of(), StatementClassifier.classify("DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$").losses());
    }

    @Test
    void plainlyWrittenBodies() {
        assertEquals(List.of(new DataLoss(LossKind.TABLE, "t", null), new DataLoss(LossKind.TRUNCATE, "u", null)),
                StatementClassifier.classify("DO LANGUAGE plpgsql $body$ BEGIN IF true THEN DROP TABLE t; ELSE TRUNCATE u; "
                        + "END IF; END $body$").losses());
        // another language's body is not PL/pgSQL
        assertEquals(List.of(), StatementClassifier.classify("DO LANGUAGE plperl $$ DROP TABLE t; $$").losses());
    }
}
