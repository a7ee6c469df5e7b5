package org.somaagent01.testdb;

/**
 * A second PostgreSQL server for tests that need one configured unlike the test server (a fresh cluster has SSL
 * off). Lives in this package to reach {@link LocalCluster}; stopped by its shutdown hook.
 */
public final class ThrowawayServer {
    private ThrowawayServer() {}

    public static TestServer start() {
        return LocalCluster.start(LocalCluster.findBinDir().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL server binaries to start a throwaway cluster; run scripts/setup-postgres.sh"))).server();
    }
}
