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
        if (instance == null) instance = ServerResolver.resolve();
        return instance;
    }

    public String host() { return host; }
    public int port() { return port; }
    public String user() { return user; }
    public String password() { return password; }

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
