package org.somaagent01.testdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The quick test subset ({@code scripts/test.sh --quick}, i.e. {@code -Dsa01.quick=true}): every pure test plus the
 * database tests tagged {@value #TAG}. Without the property it includes everything.
 *
 * <p>A test class is a database test when its byte code reaches this package ({@code org.somaagent01.testdb}:
 * TestServer, TestDatabase, FreshDatabaseExtension), directly or through the project's own helper classes. The
 * decision is made from the compiled classes, so a new test is classified without anyone tagging it: a new pure test
 * joins the quick subset, a new database test stays out of it unless tagged. Registered through
 * {@code META-INF/services}, for every JUnit engine (Jupiter and jqwik).
 */
public final class QuickSubset implements PostDiscoveryFilter {
    public static final String PROPERTY = "sa01.quick";
    public static final String TAG = "quick";

    private static final String DATABASE_PACKAGE = "org/somaagent01/testdb/";
    private static final Pattern PROJECT_CLASS = Pattern.compile("org/somaagent01/[A-Za-z0-9_/$]+");
    private static final Map<String, Boolean> REACHES_DATABASE = new ConcurrentHashMap<>();

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!Boolean.getBoolean(PROPERTY)) return FilterResult.included("full suite");
        Optional<String> testClass = className(descriptor);
        if (testClass.isEmpty()) return FilterResult.included("not a test class");
        if (tagged(descriptor)) return FilterResult.included("database test tagged " + TAG);
        String internal = testClass.get().replace('.', '/');
        return reachesDatabase(internal) ? FilterResult.excluded("database test not tagged " + TAG)
                : FilterResult.included("pure test");
    }

    private static boolean tagged(TestDescriptor d) {
        for (Optional<TestDescriptor> at = Optional.of(d); at.isPresent(); at = at.get().getParent()) {
            if (at.get().getTags().contains(TestTag.create(TAG))) return true;
        }
        return false;
    }

    private static Optional<String> className(TestDescriptor d) {
        TestSource source = d.getSource().orElse(null);
        if (source instanceof ClassSource c) return Optional.of(c.getClassName());
        if (source instanceof MethodSource m) return Optional.of(m.getClassName());
        return Optional.empty();
    }

    /** Whether the class, or any project class its byte code names (transitively), is in the test-database package. */
    static boolean reachesDatabase(String internalName) {
        return REACHES_DATABASE.computeIfAbsent(internalName, QuickSubset::search);
    }

    private static boolean search(String start) {
        if (start.startsWith(DATABASE_PACKAGE)) return true;
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        seen.add(start);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            byte[] bytes = classBytes(name);
            if (bytes == null) continue;
            // class names sit in the constant pool as UTF-8; ISO-8859-1 maps each byte to one char for the regex
            Matcher m = PROJECT_CLASS.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                String referenced = m.group();
                if (referenced.startsWith(DATABASE_PACKAGE)) return true;
                if (seen.add(referenced)) todo.add(referenced);
            }
        }
        return false;
    }

    private static byte[] classBytes(String internalName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = QuickSubset.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
