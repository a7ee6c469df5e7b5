package org.somaagent01.testdb;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class annotated {@code @ExtendWith(FreshDatabaseExtension.class)} one fresh, empty
 * {@link TestDatabase}, injectable into its constructor, {@code @BeforeAll}, {@code @BeforeEach} and test methods,
 * and drops it after the class. {@code @Nested} classes share their enclosing class's database.
 * jqwik properties do not run Jupiter extensions: they use {@code TestServer.get().createDatabase()}.
 */
public final class FreshDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FreshDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // remove() looks only at this class's own store, so a @Nested class never drops its outer class's database
        TestDatabase db = context.getStore(NS).remove(TestDatabase.class, TestDatabase.class);
        if (db != null) db.close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public TestDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    /**
     * The class-level database. Stores are searched up the context tree, so method contexts find it; only the
     * constructor of a {@code PER_CLASS} test instance runs before {@link #beforeAll}, and its context is the class's.
     */
    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) classContext = classContext.getParent().orElseThrow();
        return classContext.getStore(NS).getOrComputeIfAbsent(TestDatabase.class,
                k -> TestServer.get().createDatabase(), TestDatabase.class);
    }
}
