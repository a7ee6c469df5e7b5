package org.somaagent01.migrator.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

class DsnParseTest {
    /** Every bad input below carries this password; no 4-character piece of it may show in the message. */
    private static final String PW = "Zq9Xw7Vk";

    @Test
    void libpqUriWithEverything() {
        Dsn dsn = Dsn.parse("postgresql://app%40corp:p%40ss%3Aw%2Fo%25rd%3F%23@db.example.com:6543/soma%20db"
                + "?sslmode=require&application_name=worker&options=-c%20search_path%3Dx");
        assertEquals(new Dsn("db.example.com", 6543, "soma db", "app@corp", "p@ss:w/o%rd?#",
                Map.of("sslmode", "require", "application_name", "worker", "options", "-c search_path=x")), dsn);
        assertEquals(List.of("sslmode", "application_name", "options"), new ArrayList<>(dsn.params().keySet()));
    }

    @Test
    void missingPortUserAndDatabaseFollowLibpq() {
        assertEquals(5432, Dsn.parse("postgres://u:p@h/db").port());
        Dsn noDb = Dsn.parse("postgresql://alice:p@h:5433");
        assertEquals("alice", noDb.database());
        Dsn nothing = Dsn.parse("postgresql://h/");
        assertEquals(System.getProperty("user.name"), nothing.user());
        assertEquals(nothing.user(), nothing.database());
        assertEquals("", nothing.password());
        assertFalse(nothing.jdbcProperties().containsKey("password"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://u:p@[::1]:5433/db|::1|5433",
            "postgresql://u:p@[2001:DB8::1]/db|2001:db8::1|5432",
            "jdbc:postgresql://[2001:db8::1]:6000/db?user=u&password=p|2001:db8::1|6000",
            "postgresql+asyncpg://u:p@10.0.0.7:5434/db|10.0.0.7|5434",
            "postgresql://u:p@Soma_DB.internal/db|soma_db.internal|5432",
    })
    void hosts(String text, String host, int port) {
        Dsn dsn = Dsn.parse(text);
        assertEquals(host, dsn.host());
        assertEquals(port, dsn.port());
    }

    @Test
    void ipv6IsBracketedInRenderings() {
        Dsn dsn = Dsn.parse("postgresql://u:p@[::1]:5433/db");
        assertEquals("jdbc:postgresql://[::1]:5433/db", dsn.jdbcUrl());
        assertEquals("postgresql://u:***@[::1]:5433/db", dsn.redacted());
        assertEquals("host ::1 port 5433 database db user u", dsn.describe());
    }

    @Test
    void plusIsASpaceOnlyWhereTheOriginatingToolSaysSo() {
        assertEquals("a+b", Dsn.parse("postgresql://u:p@h/db?application_name=a+b").params().get("application_name"));
        assertEquals("a b", Dsn.parse("postgresql+asyncpg://u:p@h/db?application_name=a+b").params().get("application_name"));
        assertEquals("p w", Dsn.parse("jdbc:postgresql://h/db?user=u&password=p+w").password());
        assertEquals("p+w", Dsn.parse("postgresql://u:p+w@h/db").password());
    }

    @Test
    void unencodedAtInPasswordIsTolerated() {
        assertEquals("p@ss", Dsn.parse("postgresql://u:p@ss@h/db").password());
    }

    @Test
    void jdbcShortFormsMeanLocalhost() {
        assertEquals(new Dsn("localhost", 5432, "soma", "u", "p", Map.of()),
                Dsn.parse("jdbc:postgresql:soma?user=u&password=p"));
    }

    @Test
    void renderingsAndJdbcProperties() {
        Dsn dsn = Dsn.parse("postgresql+asyncpg://u:secret@h:5433/db?ssl=require&application_name=w&connect_timeout=3"
                + "&target_session_attrs=read-write&keepalives=0");
        assertEquals("jdbc:postgresql://h:5433/db", dsn.jdbcUrl());
        assertEquals("postgresql://u:***@h:5433/db?ssl=require&application_name=w&connect_timeout=3"
                + "&target_session_attrs=read-write&keepalives=0", dsn.redacted());
        assertEquals(dsn.redacted(), dsn.toString());
        Properties p = dsn.jdbcProperties();
        assertEquals("u", p.getProperty("user"));
        assertEquals("secret", p.getProperty("password"));
        assertEquals("require", p.getProperty("sslmode"));
        assertEquals("w", p.getProperty("ApplicationName"));
        assertEquals("3", p.getProperty("connectTimeout"));
        assertEquals("primary", p.getProperty("targetServerType"));
        assertEquals("false", p.getProperty("tcpKeepAlive"));
    }

    @Test
    void defaultDsn() {
        assertEquals(Dsn.parse("postgresql://soma:soma@localhost:5432/somaagent01"), Dsn.DEFAULT);
    }

    @Test
    void environmentResolution() {
        List<String> warnings = new ArrayList<>();
        Map<String, String> env = new HashMap<>(Map.of("SA01_DB_DSN", "postgresql://e:p@env-host/db"));
        assertEquals("flag-host", Dsn.fromEnvironment("postgresql://f:p@flag-host/db", env, warnings::add).host());
        assertEquals("env-host", Dsn.fromEnvironment(null, env, warnings::add).host());
        assertTrue(warnings.isEmpty());

        env.put("SA01_DB_DSN", " ");
        assertSame(Dsn.DEFAULT, Dsn.fromEnvironment(null, env, warnings::add));
        assertSame(Dsn.DEFAULT, Dsn.fromEnvironment(null, Map.of(), warnings::add));
        assertEquals(List.of(
                "warning: SA01_DB_DSN is empty and no --dsn given; using postgresql://soma:***@localhost:5432/somaagent01",
                "warning: SA01_DB_DSN is not set and no --dsn given; using postgresql://soma:***@localhost:5432/somaagent01"),
                warnings);
    }

    @Test
    void environmentErrorsNameTheirSource() {
        MigratorException flag = assertThrows(MigratorException.class,
                () -> Dsn.fromEnvironment("", Map.of(), s -> {}));
        assertTrue(flag.getMessage().startsWith("--dsn: invalid DSN: it is empty"), flag.getMessage());
        MigratorException env = assertThrows(MigratorException.class,
                () -> Dsn.fromEnvironment(null, Map.of("SA01_DB_DSN", "mysql://u:" + PW + "@h/db"), s -> {}));
        assertTrue(env.getMessage().startsWith("SA01_DB_DSN: invalid DSN mysql://u:***@h/db: unknown scheme"), env.getMessage());
        assertEquals(ExitCode.USAGE, env.exitCode());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "mysql://u:Zq9Xw7Vk@h/db                          | invalid DSN mysql://u:***@h/db: unknown scheme \"mysql\"",
            "jdbc:mysql://h/db?user=u&password=Zq9Xw7Vk       | invalid DSN jdbc:mysql://h/db?user=u&password=***: unknown scheme \"jdbc:mysql\"",
            "user:Zq9Xw7Vk://h/db                             | invalid DSN (not shown): unknown scheme;",
            "postgresql+://u:Zq9Xw7Vk@h/db                    | unknown scheme \"postgresql+\"",
            "u:Zq9Xw7Vk@h:5432/db                             | invalid DSN (not shown): it does not start with a scheme",
            "host=h password=Zq9Xw7Vk                         | invalid DSN (not shown): it does not start with a scheme",
            "postgresql://u:Zq9Xw7Vk@h:99999/db               | invalid DSN postgresql://u:***@h:99999/db: the port is not between 1 and 65535",
            "postgresql://u:Zq9Xw7Vk@h:0/db                   | the port is not between 1 and 65535",
            "postgresql://u:Zq9Xw7Vk@h:5x/db                  | the port is not a number between 1 and 65535",
            "postgresql://u:Zq9Xw7Vk@h:/db                    | the port after ':' is empty",
            "postgresql://u:Zq9Xw7Vk@/db                      | invalid DSN postgresql://u:***@/db: the host is missing",
            "postgresql:///db?user=u&password=Zq9Xw7Vk        | invalid DSN postgresql:///db?user=u&password=***: the host is missing",
            "postgresql://u:Zq9Xw7Vk@[::1/db                  | the IPv6 address has no closing ']'",
            "postgresql://u:Zq9Xw7Vk@[::1]x/db                | only :port may follow the IPv6 address",
            "postgresql://u:Zq9Xw7Vk@[db.local]/db            | the text in [ ] is not an IPv6 address",
            "postgresql://u:Zq9Xw7Vk@::1:5432/db              | IPv6 addresses go in brackets",
            "postgresql://u:Zq9Xw7Vk@h1,h2/db                 | several hosts are not supported",
            "postgresql://u:Zq9Xw7Vk@ho$t/db                  | the host is not a host name or IP address",
            "postgresql://u:Zq9Xw%7Vk@h/db                    | bad percent-encoding in the password: a '%' must be followed by two hex digits",
            "postgresql://u:Zq9Xw7Vk@h/d%C3%28                | bad percent-encoding in the database name: the percent-encoded bytes are not valid UTF-8",
            "postgresql://u%zz:Zq9Xw7Vk@h/db                  | bad percent-encoding in the user name",
            "postgresql://u:Zq9Xw7Vk@h/db?sslmode             | a query parameter is not of the form name=value",
            "postgresql://u:Zq9Xw7Vk@h/db?host=other          | query parameter host is not supported",
            "postgresql://u:Zq9/Xw7Vk@h/db                    | invalid DSN postgresql://u:***@h/db: the port is not a number",
            "postgresql://u:Zq9?Xw7Vk@h/db                    | invalid DSN postgresql://u:***@h/db: a query parameter is not",
            "postgresql://u:Zq9#Xw7Vk@h/db                    | invalid DSN postgresql://u:***@h/db: it contains an unencoded '#'",
            "jdbc:postgresql://h/db?password=Zq9&Xw7Vk&user=u | invalid DSN jdbc:postgresql://h/db?password=***: a query parameter is not",
            "`postgresql://u:Zq9Xw7Vk@h/db\nx`                | invalid DSN (not shown): it contains control characters",
            "`  `                                             | invalid DSN: it is empty",
    })
    void badInputIsAOneLineUsageErrorWithoutThePassword(String input, String expectedPart) {
        MigratorException e = assertThrows(MigratorException.class, () -> Dsn.parse(input.replace("\\n", "\n")));
        String message = e.getMessage();
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals(2, e.exitCode().code);
        assertTrue(message.contains(expectedPart), message);
        assertTrue(message.endsWith(DsnParser.EXPECTED), "says the expected form: " + message);
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        for (int i = 0; i + 4 <= PW.length(); i++) {
            assertFalse(message.contains(PW.substring(i, i + 4)), "piece of the password in: " + message);
        }
    }

    @Test
    void nullIsAUsageError() {
        assertEquals(ExitCode.USAGE, assertThrows(MigratorException.class, () -> Dsn.parse(null)).exitCode());
    }
}
