package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;

/** {@code apply} against a port nobody listens on: 3 retries with growing delays, then exit 5. */
class DatabaseDownTest {
    static final String PASSWORD = "S3cr3t:@/%?#ü";
    static final String ENCODED_PASSWORD = "S3cr3t%3A%40%2F%25%3F%23%C3%BC";
    private static final Pattern RETRY = Pattern.compile("database not reachable \\(host 127\\.0\\.0\\.1 port (\\d+) "
            + "database appdb user app_user\\): .*; retry (\\d)/3 in (\\d+) ms");

    @Test
    void retriesThenFailsNamingTheServerButNotThePassword() throws Exception {
        int port = closedPort();
        Cli.Run run = Cli.run("apply", "--connect-retries", "3",
                "--dsn", "postgresql://app_user:" + ENCODED_PASSWORD + "@127.0.0.1:" + port + "/appdb");

        assertEquals(ExitCode.DB_UNREACHABLE.code, run.code(), run.toString());
        List<String> lines = run.errLines();
        assertEquals(4, lines.size(), run.toString());
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Matcher m = RETRY.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            assertEquals(String.valueOf(port), m.group(1));
            assertEquals(String.valueOf(i + 1), m.group(2));
            delays.add(Long.parseLong(m.group(3)));
        }
        // jittered: between half and all of 500 ms · 2^(n-1), so never shrinking
        assertTrue(delays.get(0) >= 250 && delays.get(0) <= delays.get(1) && delays.get(1) <= delays.get(2), "growing delays: " + delays);
        String error = lines.get(3);
        assertTrue(error.startsWith("error: cannot connect to PostgreSQL at host 127.0.0.1 port " + port
                + " database appdb user app_user"), error);
        assertNoPassword(run);
    }

    static void assertNoPassword(Cli.Run run) {
        String all = run.out() + run.err();
        for (String form : List.of(PASSWORD, ENCODED_PASSWORD, "S3cr3t", "S3cr3t%3A")) {
            assertFalse(all.contains(form), "password form " + form + " printed:\n" + run);
        }
    }

    /** A local port that was free a moment ago: connecting to it is refused. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
