package org.somaagent01.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster in a temp directory, started from the machine's binaries when there is neither
 * {@code SA01_TEST_DSN} nor Docker. Durability is switched off because the data dies with the JVM.
 */
final class LocalCluster {
    static final String USER = "soma";
    static final String PASSWORD = "soma";
    /** initdb refuses to run as root, so root runs the cluster as this OS user (Debian's server packages make it). */
    private static final String OS_USER_WHEN_ROOT = "postgres";

    private final Path bin;
    private final Path root;
    private final boolean asOsUser;
    private final int port;
    private boolean stopped;

    private LocalCluster(Path bin, Path root, boolean asOsUser, int port) {
        this.bin = bin;
        this.root = root;
        this.asOsUser = asOsUser;
        this.port = port;
    }

    /** The server binaries: {@code pg_config --bindir}, else the newest Debian-style /usr/lib/postgresql/N/bin. */
    static Optional<Path> findBinDir() {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            Path dir = Path.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            if (p.waitFor() == 0 && hasServer(dir)) return Optional.of(dir);
        } catch (IOException e) {
            // no pg_config on PATH (it comes with the dev packages): try the Debian layout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .filter(LocalCluster::hasServer);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    /** Starts a cluster; a JVM shutdown hook stops it and deletes its directory. */
    static LocalCluster start(Path bin) {
        boolean asOsUser = "root".equals(System.getProperty("user.name"));
        LocalCluster cluster;
        try {
            Path root = Files.createTempDirectory("sa01-pg-");
            if (asOsUser) chownToOsUser(root);
            cluster = new LocalCluster(bin, root, asOsUser, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("local PostgreSQL: cannot prepare a temp directory: " + e.getMessage(), e);
        }
        try {
            cluster.initdb();
            cluster.configure();
            cluster.run("pg_ctl", "start", "-w", "-t", "60", "-D", cluster.data().toString(),
                    "-l", cluster.log().toString());
            cluster.requireVector();
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "sa01-local-postgres-stop"));
        return cluster;
    }

    TestServer server() {
        return new TestServer("127.0.0.1", port, USER, PASSWORD, "postgres");
    }

    Path directory() { return root; }

    /** Idempotent, so that a test may stop the cluster before the shutdown hook does. */
    synchronized void stop() {
        if (stopped) return;
        stopped = true;
        if (Files.exists(data().resolve("postmaster.pid"))) {
            // immediate: nothing in a throwaway cluster is worth a clean checkpoint
            try {
                run("pg_ctl", "stop", "-m", "immediate", "-D", data().toString());
            } catch (RuntimeException e) {
                // best effort: the directory is deleted below regardless
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }

    private Path data() { return root.resolve("data"); }
    private Path log() { return root.resolve("server.log"); }

    private void initdb() {
        Path pwfile = root.resolve("pwfile");
        try {
            Files.writeString(pwfile, PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("local PostgreSQL: cannot write " + pwfile + ": " + e.getMessage(), e);
        }
        // TCP connections use a password, as real deployments do, so that wrong-password tests behave.
        run("initdb", "-D", data().toString(), "-U", USER, "--pwfile=" + pwfile, "--auth-local=trust",
                "--auth-host=scram-sha-256", "--no-locale", "--encoding=UTF8", "--no-sync");
    }

    private void configure() {
        String conf = String.join("\n", "",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                // the default socket directory (/var/run/postgresql) may be missing or owned by another cluster
                "unix_socket_directories = '" + root + "'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "");
        try {
            Files.writeString(data().resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("local PostgreSQL: cannot configure " + data() + ": " + e.getMessage(), e);
        }
    }

    private void requireVector() {
        TestServer server = server();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), USER, PASSWORD);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
            if (!rs.next()) {
                throw new IllegalStateException("local PostgreSQL in " + bin + " has no pgvector extension; "
                        + "run scripts/setup-postgres.sh or set SA01_TEST_DSN");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("local PostgreSQL on port " + port + " does not answer: " + e.getMessage(), e);
        }
    }

    private void run(String program, String... args) {
        List<String> cmd = new ArrayList<>();
        if (asOsUser) cmd.addAll(List.of("runuser", "-u", OS_USER_WHEN_ROOT, "--"));
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        try {
            // the OS user may not be allowed into the current directory
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("local PostgreSQL: " + program + " failed: " + lastLine(out)
                        + "; run scripts/setup-postgres.sh or set SA01_TEST_DSN");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("local PostgreSQL: cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("local PostgreSQL: interrupted while running " + program, e);
        }
    }

    /** The server's own log explains a failed start better than pg_ctl's "could not start server". */
    private String lastLine(String output) {
        String text = output;
        try {
            if (Files.exists(log())) text = output + "\n" + Files.readString(log());
        } catch (IOException e) {
            // keep the command's own output
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.contains("FATAL") || l.contains("error")).reduce((a, b) -> b)
                .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
    }

    private static void chownToOsUser(Path dir) throws IOException {
        try {
            Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(OS_USER_WHEN_ROOT));
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("running as root needs the OS user '" + OS_USER_WHEN_ROOT
                    + "' to run initdb, and it does not exist", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
