package org.somaagent01.testdb;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One fresh database on the {@link TestServer}; {@link #close()} drops it. */
public final class TestDatabase implements AutoCloseable {
    private final TestServer server;
    private final String name;

    TestDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() { return name; }
    public String jdbcUrl() { return server.jdbcUrl(name); }
    public String user() { return server.user(); }
    public String password() { return server.password(); }

    /** libpq URI form, as SA01_DB_DSN takes it. */
    public String uri() {
        return "postgresql://" + enc(server.user()) + ":" + enc(server.password()) + "@"
                + server.host() + ":" + server.port() + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), server.user(), server.password());
    }

    @Override
    public void close() {
        server.dropDatabase(name);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
