package org.somaagent01.migrator.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.somaagent01.testdb.TestServer;
import org.somaagent01.testdb.ThrowawayServer;

/** A real server with SSL off: the test server when it has none, else a throwaway cluster (initdb leaves SSL off). */
final class NonSslServer {
    private static TestServer instance;

    private NonSslServer() {}

    static synchronized TestServer get() throws SQLException {
        if (instance == null) instance = hasSsl(TestServer.get()) ? ThrowawayServer.start() : TestServer.get();
        if (hasSsl(instance)) throw new IllegalStateException("the server without SSL has SSL on");
        return instance;
    }

    private static boolean hasSsl(TestServer server) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
             ResultSet rs = c.createStatement().executeQuery("SHOW ssl")) {
            rs.next();
            return rs.getString(1).equals("on");
        }
    }
}
