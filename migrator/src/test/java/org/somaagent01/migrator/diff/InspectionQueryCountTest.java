package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.bench.ManyTables;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.inspect.UnmodelledObjects;
import org.somaagent01.migrator.model.SchemaModel;

/**
 * Inspection issues the same number of statements for 10 tables and for 1,000 (no query per table): the catalog
 * inspector and the query for what the model cannot express, each on its own.
 */
class InspectionQueryCountTest {

    /** Counts statements prepared or created through a connection; each is executed once by the inspector. */
    private static final class Counting {
        final AtomicInteger statements = new AtomicInteger();

        Connection wrap(Connection real) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** Statements of the catalog inspector and of UnmodelledObjects, in that order, on a schema of {@code tables}. */
    private static int[] statementsToInspect(int tables) throws SQLException {
        try (LiveSchema db = new LiveSchema()) {
            ManyTables.create(db.connection(), tables);
            Counting inspector = new Counting();
            SchemaModel model = new CatalogInspector("public").inspect(inspector.wrap(db.connection()));
            assertEquals(tables, model.tables().size());
            assertEquals(tables, model.triggers().size());
            Counting unmodelled = new Counting();
            new UnmodelledObjects("public", "sa01_migrations").find(unmodelled.wrap(db.connection()));
            return new int[] {inspector.statements.get(), unmodelled.statements.get()};
        }
    }

    @Test
    void statementCountDoesNotGrowWithTables() throws SQLException {
        int[] ten = statementsToInspect(10);
        int[] thousand = statementsToInspect(1000);
        // the queries plus the SET LOCAL of the session settings
        assertEquals(CatalogInspector.QUERY_COUNT + 1, ten[0]);
        assertEquals(ten[0], thousand[0]);
        assertEquals(1, ten[1]);
        assertEquals(ten[1], thousand[1]);
    }
    @Test
    void aDatabaseCostsOneQueryPlusOneInspectionPerSchema() throws SQLException {
        try (LiveSchema db = new LiveSchema()) {
            ManyTables.create(db.connection(), 50);
            db.execute(java.util.List.of("CREATE SCHEMA s2", "CREATE TABLE s2.t (id integer)"));
            Counting counting = new Counting();
            var model = new org.somaagent01.migrator.inspect.DatabaseInspector(
                    org.somaagent01.migrator.inspect.DatabaseInspector.SchemaFilter.ALL, "migrator")
                    .inspect(counting.wrap(db.connection()));
            assertEquals(java.util.List.of("public", "s2"), java.util.List.copyOf(model.schemas().keySet()));
            assertEquals(1 + 2 * (CatalogInspector.QUERY_COUNT + 1), counting.statements.get());
        }
    }
}
