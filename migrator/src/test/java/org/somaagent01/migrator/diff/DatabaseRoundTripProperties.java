package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.somaagent01.migrator.inspect.DatabaseInspector;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.ViewModel;
import org.somaagent01.migrator.plan.DatabasePlan;
import org.somaagent01.migrator.plan.PlannedSegment;
import org.somaagent01.migrator.plan.RenderMode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Random pairs of two-schema databases (each schema one of {@link RandomSchemas}, the second with a table whose
 * foreign key and enum column point into the first; the second schema may be absent from B, so it is created or
 * dropped) against a real PostgreSQL: the online plan of A→B turns a live A into B, its
 * down turns it back into A, with the column order PostgreSQL imposes (see {@link DiffRoundTripProperties}).
 */
class DatabaseRoundTripProperties {
    private static final String SECOND = "s2";
    private static final DatabaseInspector INSPECTOR = new DatabaseInspector(DatabaseInspector.SchemaFilter.ALL, "migrator").withPrivileges(true);
    private static TestDatabase database;
    private static Connection connection;

    record Pair(DatabaseModel a, DatabaseModel b) {
        @Override
        public String toString() {
            return "\n---- A ----\n" + ddl(a) + "\n---- B ----\n" + ddl(b);
        }
    }

    private static String ddl(DatabaseModel db) {
        StringBuilder sb = new StringBuilder();
        db.schemas().forEach((name, schema) -> sb.append("-- schema ").append(name).append('\n').append(RandomSchemas.ddl(schema)));
        return sb.toString();
    }

    @BeforeContainer
    static void open() throws SQLException {
        database = TestServer.get().createDatabase();
        connection = database.connect();
        connection.setAutoCommit(true);
    }

    @AfterContainer
    static void close() throws SQLException {
        try {
            if (connection != null) connection.close();
        } finally {
            if (database != null) database.close();
        }
    }

    @Provide
    Arbitrary<Pair> pairs() {
        Arbitrary<List<Integer>> genome = Arbitraries.integers().between(0, 99).list().ofSize(200);
        return Combinators.combine(genome, genome, genome, genome, Arbitraries.integers().between(0, 3))
                .as((a1, a2, b1, b2, shape) -> new Pair(database(a1, a2, true), database(b1, b2, shape != 0)));
    }

    private static DatabaseModel database(List<Integer> first, List<Integer> second, boolean withSecond) {
        Map<String, SchemaModel> schemas = new TreeMap<>();
        schemas.put("public", RandomSchemas.decode(first));
        if (withSecond) {
            // an extension lives in one schema: the second one gets none (the first gene decides it)
            List<Integer> genes = new ArrayList<>(second);
            genes.set(0, genes.get(0) & ~1);
            schemas.put(SECOND, withReferences(RandomSchemas.decode(genes), schemas.get("public"), genes.get(1) % 4));
        }
        schemas.replaceAll(DatabaseRoundTripProperties::schemaGrantsOnItself);
        return new DatabaseModel(schemas);
    }

    /** RandomSchemas grants on schema {@code public}; in a database each schema's model grants on that schema. */
    private static SchemaModel schemaGrantsOnItself(String schema, SchemaModel model) {
        return model.withGrants(model.grants().stream().map(g -> !g.kind().equals("SCHEMA") ? g
                : new org.somaagent01.migrator.model.GrantModel("SCHEMA", schema, g.grantee(), g.privilege(), g.grantOption()))
                .toList());
    }

    /**
     * The second schema with a table pointing into the first: a foreign key to {@code public.t_a} when that has a
     * (non-deferrable) primary key on id, and a column of type {@code public.mood} when there is one.
     */
    private static SchemaModel withReferences(SchemaModel second, SchemaModel first, int shape) {
        if (shape == 0) return second;
        TableModel parent = first.tables().get("t_a");
        boolean fk = parent != null && parent.primaryKey() != null && parent.primaryKey().columns().equals(List.of("id"))
                && !parent.primaryKey().deferrable() && !parent.shape().unlogged() && shape != 1;
        List<ColumnModel> columns = new ArrayList<>();
        columns.add(new ColumnModel("ref_id", fk ? parent.column("id").orElseThrow().type() : "integer", false, null));
        if (first.enums().containsKey("mood") && shape != 2) columns.add(new ColumnModel("c_mood", "public.mood", false, null));
        TableModel refs = TableModel.of("x_ref", columns, null, List.of(), List.of(),
                fk ? List.of(new ForeignKeyModel("x_ref_fk", List.of("ref_id"), "public.t_a", List.of("id"),
                        ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION)) : List.of(), List.of(), List.of(), null);
        Map<String, TableModel> tables = new TreeMap<>(second.tables());
        tables.put(refs.name(), refs);
        SchemaModel out = second.withTables(tables);
        if (parent == null || shape < 2) return out;
        // a view reading public.t_a.id, whose type may differ between A and B: rebuilt around the change there
        Map<String, ViewModel> views = new TreeMap<>(out.views());
        views.put("x_view", new ViewModel("x_view", false, " SELECT t_a.id\n   FROM public.t_a;", Map.of(), List.of("public:t_a.id")));
        return SchemaModel.of(out.extensions().values(), out.enums().values(), out.tables().values(), out.functions().values(),
                out.sequences().values(), views.values()).withGrants(out.grants()).withComments(out.comments())
                .withDomains(out.domains().values()).withCompositeTypes(out.compositeTypes().values())
                .withCollations(out.collations().values());
    }

    /** The live database as the generated models see it: they name no extension version (the server's packages do). */
    private static DatabaseModel live() throws SQLException {
        TreeMap<String, SchemaModel> out = new TreeMap<>();
        INSPECTOR.inspect(connection).schemas().forEach((name, m) -> out.put(name, m.withExtensions(
                m.extensions().values().stream().map(e -> new org.somaagent01.migrator.model.Extension(e.name())).toList())));
        return new DatabaseModel(out);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void upGivesBAndDownGivesA(@ForAll("pairs") Pair pair) throws SQLException {
        List<Change> changes = DatabaseDiffer.diff(pair.a(), pair.b());
        for (Change c : changes) Statistics.label("change kinds").collect(c.getClass().getSimpleName());
        Statistics.label("across schemas").collect(across(changes));
        assertEquals(List.of(), DatabaseDiffer.diff(pair.a(), pair.a()), "a database diffs to nothing against itself");

        execute("DROP SCHEMA IF EXISTS " + SECOND + " CASCADE", "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        DatabaseModel fresh = DatabaseModel.of("public", SchemaModel.EMPTY);
        List<PlannedSegment> create = new DatabasePlan(DatabaseDiffer.diff(fresh, pair.a())).segments(RenderMode.ONLINE);
        SegmentRunner.up(connection, create);
        assertEquals(pair.a(), live(), "A created from the empty database");

        List<PlannedSegment> segments = new DatabasePlan(changes).segments(RenderMode.ONLINE);
        SegmentRunner.up(connection, segments);
        assertEquals(ordered(pair.b(), pair.a(), true), live(), "after up A→B");
        SegmentRunner.down(connection, segments);
        assertEquals(ordered(pair.a(), pair.b(), false), live(), "after down B→A");
    }

    /** What the changes do across the two schemas: a foreign key into public, an enum of public's columns in s2. */
    private static String across(List<Change> changes) {
        boolean key = changes.stream().anyMatch(c -> c instanceof Change.AddForeignKey a && a.foreignKey().name().equals("x_ref_fk")
                || c instanceof Change.DropForeignKey d && d.foreignKey().name().equals("x_ref_fk"));
        boolean users = changes.stream().anyMatch(c -> c instanceof Change.SwapEnumType s
                && s.users().stream().anyMatch(u -> u.table().equals(SECOND + ".x_ref"))
                || c instanceof Change.AddEnumValue a && a.users().stream().anyMatch(u -> u.table().equals(SECOND + ".x_ref")));
        return (key ? "foreign key" : "-") + " / " + (users ? "enum users" : "-");
    }

    /** {@code db} with each kept table's columns in the order PostgreSQL leaves them (kept ones first, added last). */
    private static DatabaseModel ordered(DatabaseModel db, DatabaseModel other, boolean up) {
        Map<String, SchemaModel> out = new TreeMap<>();
        db.schemas().forEach((name, schema) -> {
            SchemaModel o = other.schemas().getOrDefault(name, SchemaModel.EMPTY);
            Set<String> replaced = up ? DiffRoundTripProperties.replaced(Differ.diff(o, schema), schema)
                    : DiffRoundTripProperties.replaced(Differ.diff(schema, o), o);
            out.put(name, DiffRoundTripProperties.withColumnOrder(schema, o,
                    (mine, theirs) -> DiffRoundTripProperties.keptThenNew(theirs, mine, replaced)));
        });
        return new DatabaseModel(out);
    }

    private static void execute(String... statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) st.execute(sql);
        }
    }
}
