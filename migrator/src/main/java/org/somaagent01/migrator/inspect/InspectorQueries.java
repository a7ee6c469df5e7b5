package org.somaagent01.migrator.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The catalog queries, one {@code .sql} resource per object kind next to this class, so each reads (and is
 * {@code EXPLAIN}ed with psql) as plain SQL.
 */
final class InspectorQueries {
    private InspectorQueries() {}

    static String get(String name) {
        try (InputStream in = InspectorQueries.class.getResourceAsStream(name + ".sql")) {
            if (in == null) throw new IllegalStateException("catalog query " + name + ".sql is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
