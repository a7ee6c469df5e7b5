package org.somaagent01.testdb;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Finds a PostgreSQL server for the tests. */
final class ServerResolver {
    private ServerResolver() {}

    static TestServer resolve() {
        String dsn = System.getenv("SA01_TEST_DSN");
        if (dsn != null && !dsn.isBlank()) return fromUri(dsn);
        throw new IllegalStateException("no test database: set SA01_TEST_DSN=postgresql://user:pass@host:port/db "
                + "(run scripts/setup-postgres.sh for a local one)");
    }

    static TestServer fromUri(String dsn) {
        URI u = URI.create(dsn.replaceFirst("^postgres(ql)?://", "pg://"));
        String[] userInfo = u.getRawUserInfo() == null ? new String[] {"postgres", ""} : u.getRawUserInfo().split(":", 2);
        String db = u.getPath() == null || u.getPath().length() <= 1 ? "postgres" : u.getPath().substring(1);
        return new TestServer(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), dec(userInfo[0]),
                userInfo.length > 1 ? dec(userInfo[1]) : "", db);
    }

    private static String dec(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }
}
