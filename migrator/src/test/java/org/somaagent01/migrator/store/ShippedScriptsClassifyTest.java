package org.somaagent01.migrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.fidelity.Fixtures;
import org.somaagent01.migrator.store.StatementFacts.DataLoss;
import org.somaagent01.migrator.store.StatementFacts.LossKind;

/** The statements the tool itself generated and ships classify as what they are. */
class ShippedScriptsClassifyTest {
    private static final Set<String> TABLES = Set.of("asset_provenance", "multimodal_assets", "multimodal_capabilities",
            "multimodal_executions", "multimodal_job_plans", "multimodal_outcomes", "prompts", "session_embeddings",
            "task_artifacts", "task_registry", "tenant_tool_flags", "tool_catalog");

    private static MigrationScript initial() {
        MigrationScript s = Fixtures.shippedScripts().get(0);
        assertTrue(s.id().startsWith("0001"), s.id());
        return s;
    }

    @Test
    void upStatementsDestroyNothingAndRunInATransaction() {
        Set<String> created = new TreeSet<>();
        List<SqlStatements.Statement> statements = SqlStatements.parse(initial().upSql());
        assertTrue(statements.size() > 60, "statements: " + statements.size());
        for (SqlStatements.Statement s : statements) {
            StatementFacts f = StatementClassifier.classify(s.sql());
            assertFalse(f.destructive(), s.sql());
            assertFalse(f.outsideTransaction(), s.sql());
            assertFalse(f.kind().isEmpty(), s.sql());
            assertEquals(f.kind().equals("DO"), f.opaque(), s.sql());
            if (f.kind().equals("CREATE TABLE")) {
                // the name after CREATE TABLE IF NOT EXISTS
                List<SqlLexer.Token> code = SqlLexer.tokens(s.sql()).stream().filter(t -> !t.isComment()).toList();
                created.add(SqlLexer.identifier(code.get(5)));
            }
            if (f.kind().equals("CREATE INDEX") || f.kind().equals("CREATE TRIGGER") || f.kind().equals("COMMENT")) {
                assertEquals(1, f.relations().size(), s.sql());
                assertTrue(TABLES.contains(f.relations().get(0)), s.sql());
            }
        }
        assertEquals(new TreeSet<>(TABLES), created);
        assertEquals(4, statements.get(0).line()); // CREATE EXTENSION, after the two header lines and a blank one
    }

    @Test
    void downDropsAllTwelveTablesAsTableLosses() {
        List<DataLoss> losses = new ArrayList<>();
        for (String s : SqlStatements.split(initial().downSql())) {
            StatementFacts f = StatementClassifier.classify(s);
            assertFalse(f.outsideTransaction(), s);
            assertFalse(f.opaque(), s);
            losses.addAll(f.losses());
            if (f.kind().equals("DROP TABLE")) assertEquals(1, f.losses().size(), s);
            if (f.kind().equals("ALTER TABLE")) assertEquals(List.of(), f.losses(), s); // DROP CONSTRAINT only
        }
        Set<String> dropped = new TreeSet<>();
        for (DataLoss l : losses) if (l.kind() == LossKind.TABLE) dropped.add(l.table());
        assertEquals(new TreeSet<>(TABLES), dropped);
        assertEquals(12, losses.stream().filter(l -> l.kind() == LossKind.TABLE).count());
        assertEquals(5, losses.stream().filter(l -> l.kind() == LossKind.TYPE).count());
        assertEquals(2, losses.stream().filter(l -> l.kind() == LossKind.FUNCTION).count());
    }
}
