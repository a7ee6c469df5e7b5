package org.somaagent01.migrator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Schema fidelity beyond the one full schema: any part of the declared schema (a set of its tables with what they
 * reference), rendered from empty and applied, reads back from the catalog as exactly that part.
 */
class DeclaredSubsetFidelityTest {
    private static final SchemaModel DECLARED = DeclaredSchema.soma();
    private static final List<String> TABLES = List.copyOf(DECLARED.tables().keySet());
    private static TestDatabase db;

    @BeforeContainer
    static void create() {
        db = TestServer.get().createDatabase();
    }

    @AfterContainer
    static void drop() {
        db.close();
    }

    @Property(tries = 100, generation = GenerationMode.RANDOMIZED)
    void anyPartOfTheDeclaredSchemaReadsBackAsDeclared(
            @ForAll @Size(min = 1, max = 12) @UniqueElements List<@net.jqwik.api.constraints.IntRange(min = 0, max = 11) Integer> picks)
            throws Exception {
        SchemaModel part = subset(picks);
        try (Connection c = db.connect()) {
            for (String statement : new Plan(Differ.diff(SchemaModel.EMPTY, part)).upStatements()) {
                Fixtures.execute(c, statement);
            }
            assertEquals(part, Fixtures.inspect(c));
            Fixtures.execute(c, "DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP EXTENSION IF EXISTS vector");
        }
    }

    /** The picked tables plus every table their foreign keys reach; triggers' functions come along with them. */
    private static SchemaModel subset(List<Integer> picks) {
        Set<String> names = new TreeSet<>();
        List<String> todo = new ArrayList<>();
        for (int i : picks) todo.add(TABLES.get(i));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!names.add(name)) continue;
            for (ForeignKeyModel fk : DECLARED.tables().get(name).foreignKeys().values()) todo.add(fk.targetTable());
        }
        TreeMap<String, TableModel> tables = new TreeMap<>();
        for (String name : names) tables.put(name, DECLARED.tables().get(name));
        Set<String> functions = new TreeSet<>();
        tables.values().forEach(t -> t.triggers().values().forEach(trg -> functions.add(trg.function())));
        TreeMap<String, org.somaagent01.migrator.model.FunctionModel> fns = new TreeMap<>(DECLARED.functions());
        fns.keySet().retainAll(functions);
        return new SchemaModel(DECLARED.extensions(), DECLARED.enums(), tables, fns);
    }
}
