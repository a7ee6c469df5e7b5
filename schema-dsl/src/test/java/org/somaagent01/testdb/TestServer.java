package org.somaagent01.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server (with pgvector) the tests run against, resolved once per JVM (SPEC §7):
 * {@code SA01_TEST_DSN} if set, else Testcontainers when Docker is reachable, else a throwaway local cluster.
 */
public final class TestServer {
    private static TestServer instance;
    private static RuntimeException failure;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;

    TestServer(String host, int port, String user, String password, String adminDatabase) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
    }

    public static synchronized TestServer get() {
        // a failed resolution is not retried: every test would otherwise wait for the same probes again
        if (failure != null) throw failure;
        if (instance == null) {
            try {
                instance = ServerResolver.resolve();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            // one line in the build log, because a run against an unintended server is otherwise hard to spot
            System.err.println("test database server: " + instance.user + "@" + instance.host + ":" + instance.port);
        }
        return instance;
    }

    public String host() { return host; }
    public int port() { return port; }
    public String user() { return user; }
    public String password() { return password; }
    /** The database that exists on the server from the start; fresh databases are created from a connection to it. */
    String adminDatabase() { return adminDatabase; }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new empty database with a unique name; close it to drop it. */
    public TestDatabase createDatabase() {
        String name = "sa01_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name + " TEMPLATE template0");
        return new TestDatabase(this, name);
    }

    void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test server: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
