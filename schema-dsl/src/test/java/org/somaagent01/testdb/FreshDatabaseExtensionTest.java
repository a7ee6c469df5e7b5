package org.somaagent01.testdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

@ExtendWith(FreshDatabaseExtension.class)
class FreshDatabaseExtensionTest {
    private static TestDatabase fromBeforeAll;
    private final TestDatabase fromConstructor;

    FreshDatabaseExtensionTest(TestDatabase db) {
        fromConstructor = db;
    }

    @BeforeAll
    static void remember(TestDatabase db) {
        fromBeforeAll = db;
    }

    @Test
    void constructorBeforeAllAndTestGetTheSameDatabase(TestDatabase db) {
        assertSame(fromBeforeAll, db);
        assertSame(fromConstructor, db);
    }

    /** Only reads: the tests of a class share its database. */
    @Test
    void databaseIsEmpty(TestDatabase db) throws SQLException {
        DbQueries.assertEmpty(db);
    }

    @Test
    void eachClassGetsItsOwnDatabaseDroppedAfterIt(TestDatabase db) throws SQLException {
        Examples.NAMES.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Examples.A.class), selectClass(Examples.B.class)).execute();
        List<String> failures = results.allEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::toString).orElse(e.toString()))
                .toList();
        assertEquals(List.of(), failures);
        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

        String a = Examples.NAMES.get("A");
        String b = Examples.NAMES.get("B");
        assertNotEquals(a, b);
        assertNotEquals(db.name(), a);
        assertNotEquals(db.name(), b);
        assertEquals(a, Examples.NAMES.get("A.Inner"), "a @Nested class shares its outer class's database");
        try (Connection c = db.connect()) {
            assertFalse(DbQueries.databaseExists(c, a), "database of class A not dropped");
            assertFalse(DbQueries.databaseExists(c, b), "database of class B not dropped");
        }
    }

    /** Run only through the test kit above: Surefire skips nested classes. */
    static final class Examples {
        static final Map<String, String> NAMES = new ConcurrentHashMap<>();

        @ExtendWith(FreshDatabaseExtension.class)
        static class A {
            @Test
            void installsPgvector(TestDatabase db) throws SQLException {
                NAMES.put("A", db.name());
                DbQueries.assertEmpty(db);
                DbQueries.assertVectorWorks(db);
            }

            @Nested
            class Inner {
                @Test
                void recordsItsDatabase(TestDatabase db) {
                    NAMES.put("A.Inner", db.name());
                }
            }
        }

        @ExtendWith(FreshDatabaseExtension.class)
        static class B {
            @Test
            void isEmpty(TestDatabase db) throws SQLException {
                NAMES.put("B", db.name());
                DbQueries.assertEmpty(db);
            }
        }
    }
}
