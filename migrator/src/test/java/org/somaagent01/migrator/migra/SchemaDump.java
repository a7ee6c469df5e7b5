package org.somaagent01.migrator.migra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.somaagent01.testdb.TestDatabase;

/**
 * {@code pg_dump --schema-only --no-owner} of a test database, normalized to what a migration is expected to
 * reproduce. pg_dump comes from the bin directory of the server's own major version (a newer pg_dump prints
 * differently, an older one refuses), else from PATH.
 */
final class SchemaDump {
    private final String binary;

    private SchemaDump(String binary) {
        this.binary = binary;
    }

    static SchemaDump forServerOf(TestDatabase db) throws SQLException {
        int major;
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            major = rs.getInt(1);
        }
        // the Debian layout scripts/setup-postgres.sh installs (several majors side by side), else PATH
        Path own = Path.of("/usr/lib/postgresql", Integer.toString(major), "bin", "pg_dump");
        return new SchemaDump(Files.isExecutable(own) ? own.toString() : "pg_dump");
    }

    /** The normalized dump, started now and read on {@code threads}, so two dumps run side by side. */
    CompletableFuture<List<String>> start(TestDatabase db, Executor threads) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> lines = new ArrayList<>(normalize(raw(db)));
            lines.addAll(extensionVersions(db));
            return lines;
        }, threads);
    }

    /** pg_dump names no extension's version, and a migration must reproduce it: one line per extension. */
    private static List<String> extensionVersions(TestDatabase db) {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT extname, extversion FROM pg_extension ORDER BY 1")) {
            while (rs.next()) out.add("-- extension " + rs.getString(1) + " version " + rs.getString(2));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the extensions of " + db.name() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private String raw(TestDatabase db) {
        try {
            ProcessBuilder pb = new ProcessBuilder(binary, "--schema-only", "--no-owner", "--dbname", db.name());
            String url = db.jdbcUrl(); // jdbc:postgresql://host:port/name
            String hostPort = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
            int colon = hostPort.lastIndexOf(':');
            pb.environment().put("PGHOST", hostPort.substring(0, colon));
            pb.environment().put("PGPORT", hostPort.substring(colon + 1));
            pb.environment().put("PGUSER", db.user());
            pb.environment().put("PGPASSWORD", db.password());
            pb.redirectError(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            String out = read(p.getInputStream());
            // read after stdout: pg_dump's messages are a few lines, far below a pipe's buffer
            String err = read(p.getErrorStream());
            if (p.waitFor() != 0) throw new IllegalStateException("pg_dump of " + db.name() + " failed: " + err.strip());
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dumping " + db.name(), e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Normalizations, each for something a migration cannot or need not reproduce:
     * <ul>
     * <li>comment lines, {@code SET} and {@code set_config} lines and blank lines: pg_dump's session preamble and
     * section headers, not schema (the headers name object OIDs' dump order only);</li>
     * <li>the restrict and unrestrict meta-command lines (a backslash, then the word): a random key pg_dump prints into every dump;</li>
     * <li>the order of the lines inside {@code CREATE TABLE ( ... )}, with their trailing commas: PostgreSQL cannot
     * reorder columns, so a column a migration adds lands at the end whatever its place in the target.</li>
     * </ul>
     */
    static List<String> normalize(String dump) {
        List<String> out = new ArrayList<>();
        List<String> block = null;
        for (String line : dump.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("--") || line.startsWith("SET ")
                    || line.startsWith("SELECT pg_catalog.set_config(") || line.startsWith("\\restrict")
                    || line.startsWith("\\unrestrict")) continue;
            if (block != null) {
                if (line.startsWith(")")) {
                    Collections.sort(block);
                    out.addAll(block);
                    out.add(line);
                    block = null;
                } else {
                    block.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
                }
                continue;
            }
            out.add(line);
            if (line.matches("CREATE (UNLOGGED |FOREIGN )?TABLE .*\\($")) block = new ArrayList<>();
        }
        if (block != null) out.addAll(block);
        return out;
    }

    /** A short account of how two normalized dumps differ: lines only in one of them, a few of each. */
    static String difference(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        List<String> extra = new ArrayList<>(actual);
        for (String l : actual) missing.remove(l);
        for (String l : expected) extra.remove(l);
        if (missing.isEmpty() && extra.isEmpty()) return "same lines in another order";
        return "missing " + sample(missing) + "; unexpected " + sample(extra);
    }

    private static String sample(List<String> lines) {
        if (lines.isEmpty()) return "nothing";
        List<String> shown = lines.subList(0, Math.min(2, lines.size())).stream().map(String::strip).toList();
        return shown + (lines.size() > 2 ? " (+" + (lines.size() - 2) + ")" : "");
    }
}
