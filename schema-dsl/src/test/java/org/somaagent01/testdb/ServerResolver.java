package org.somaagent01.testdb;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Finds a PostgreSQL server with pgvector for the tests (SPEC §7): {@code SA01_TEST_DSN} if set, else
 * Testcontainers when a Docker engine is reachable, else a throwaway cluster from the local binaries.
 */
final class ServerResolver {
    static final String IMAGE = "pgvector/pgvector:pg15";

    private ServerResolver() {}

    static TestServer resolve() {
        return resolve(System.getenv("SA01_TEST_DSN"), ServerResolver::dockerAvailable, LocalCluster::findBinDir);
    }

    /** The order of the three sources; the probes are suppliers because each costs real time. */
    static TestServer resolve(String dsn, BooleanSupplier docker, Supplier<Optional<Path>> localBinDir) {
        if (dsn != null && !dsn.isBlank()) return fromUri(dsn);
        if (docker.getAsBoolean()) return container();
        Optional<Path> bin = localBinDir.get();
        if (bin.isPresent()) return LocalCluster.start(bin.get()).server();
        throw new IllegalStateException("no PostgreSQL for the tests: SA01_TEST_DSN is unset, no Docker engine is "
                + "reachable and no local PostgreSQL binaries were found; run scripts/setup-postgres.sh "
                + "or set SA01_TEST_DSN=postgresql://user:pass@host:port/db");
    }

    static TestServer fromUri(String dsn) {
        URI u = URI.create(dsn.replaceFirst("^postgres(ql)?://", "pg://"));
        String[] userInfo = u.getRawUserInfo() == null ? new String[] {"postgres", ""} : u.getRawUserInfo().split(":", 2);
        String host = u.getHost() == null ? "localhost" : u.getHost();
        String db = u.getPath() == null || u.getPath().length() <= 1 ? "postgres" : dec(u.getRawPath().substring(1));
        return new TestServer(host, u.getPort() < 0 ? 5432 : u.getPort(), dec(userInfo[0]),
                userInfo.length > 1 ? dec(userInfo[1]) : "", db);
    }

    /** Percent-decoding as libpq does it: unlike form encoding, '+' is a literal plus. */
    private static String dec(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static TestServer container() {
        // Ryuk removes the container when the JVM exits, so no shutdown hook is needed here.
        PostgreSQLContainer<?> pg = new PostgreSQLContainer<>(
                DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
        pg.start();
        return new TestServer(pg.getHost(), pg.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                pg.getUsername(), pg.getPassword(), pg.getDatabaseName());
    }
}
