package org.somaagent01.migrator.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * The same connection parameters written in every accepted form parse to the same {@link Dsn}, and no rendering or
 * parse error ever shows the password. Generated passwords carry the marker '§', which no other generated value
 * contains, so finding the password anywhere means it was copied there.
 */
class DsnPropertiesTest {
    /** Tokens rather than chars so that non-BMP characters stay whole; includes every URI delimiter. */
    private static final List<String> TOKENS = List.of("a", "b", "Z", "0", "9", "-", "_", ".", "~", "*", "@", ":", "/",
            "%", "?", "#", "+", "&", "=", "[", "]", " ", "é", "ß", "日本", "😀", "%41", "'", "\"", "\\", ";", ",");
    private static final Set<String> RESERVED_KEYS = Set.of("user", "password", "dbname", "host", "hostaddr", "port");

    record Params(String user, String password, String host, Integer port, String database, Map<String, String> query) {
        Dsn expected() {
            return new Dsn(host, port == null ? 5432 : port, database, user, password, query);
        }

        String hostPort() {
            return (host.contains(":") ? "[" + host + "]" : host) + (port == null ? "" : ":" + port);
        }
    }

    @Property(tries = 300)
    void everyFormParsesToTheSameDsn(@ForAll("params") Params p) {
        Dsn expected = p.expected();
        for (String form : forms(p)) {
            Dsn parsed = Dsn.parse(form);
            assertEquals(expected, parsed, () -> "form " + Secrets.of(p.password()).mask(form));
            assertEquals(List.copyOf(expected.params().keySet()), List.copyOf(parsed.params().keySet()), "param order");
        }
    }

    @Property(tries = 300)
    void renderingsNeverShowThePasswordAndRoundTrip(@ForAll("params") Params p) {
        Dsn dsn = p.expected();
        for (String rendering : List.of(dsn.redacted(), dsn.toString(), dsn.describe(), dsn.jdbcUrl())) {
            assertNoPassword(rendering, p.password());
        }
        Dsn fromRedacted = Dsn.parse(dsn.redacted());
        assertEquals(new Dsn(p.host(), dsn.port(), p.database(), p.user(), Secrets.MASK, p.query()), fromRedacted);

        Dsn fromJdbcUrl = Dsn.parse(dsn.jdbcUrl());
        assertEquals(List.of(dsn.host(), dsn.port(), dsn.database()),
                List.of(fromJdbcUrl.host(), fromJdbcUrl.port(), fromJdbcUrl.database()));
        assertEquals(p.password(), dsn.jdbcProperties().getProperty("password"));
        assertEquals(p.user(), dsn.jdbcProperties().getProperty("user"));
    }

    enum Corruption { BAD_PORT, PORT_TOO_BIG, UNKNOWN_SCHEME, UNTERMINATED_IPV6, BAD_PERCENT, EMPTY_HOST, LINE_BREAK }

    @Property(tries = 300)
    void parseErrorsAreOneLineUsageErrorsWithoutThePassword(@ForAll("params") Params p, @ForAll Corruption corruption) {
        String auth = enc(p.user()) + ":" + enc(p.password()) + "@";
        String path = "/" + enc(p.database());
        String bracketed = "[" + (p.host().contains(":") ? p.host() : "::1");
        String input = switch (corruption) {
            case BAD_PORT -> "postgresql://" + auth + (p.host().contains(":") ? "[" + p.host() + "]" : p.host()) + ":54x2" + path;
            case PORT_TOO_BIG -> "postgres://" + auth + (p.host().contains(":") ? "[" + p.host() + "]" : p.host()) + ":65536" + path;
            case UNKNOWN_SCHEME -> "mysql://" + auth + p.hostPort() + path;
            case UNTERMINATED_IPV6 -> "postgresql+asyncpg://" + auth + bracketed + path;
            case BAD_PERCENT -> "postgresql://" + auth + p.hostPort() + path + "%G7";
            case EMPTY_HOST -> "postgresql://" + auth + (p.port() == null ? "" : ":" + p.port()) + path;
            case LINE_BREAK -> "postgresql://" + auth + p.hostPort() + "\n" + path; // a trailing one is stripped
        };
        MigratorException e = assertThrows(MigratorException.class, () -> Dsn.parse(input));
        assertUsageLine(e, p.password());
    }

    /** A password pasted without encoding may still parse (libpq is lenient about '@'), but must never be shown. */
    @Property(tries = 300)
    void unencodedPasswordsNeverLeak(@ForAll("params") Params p, @ForAll @IntRange(max = 2) int form) {
        String input = switch (form) {
            case 0 -> "postgresql://" + enc(p.user()) + ":" + p.password() + "@" + p.hostPort() + "/" + enc(p.database());
            case 1 -> "jdbc:postgresql://" + p.hostPort() + "/" + enc(p.database()) + "?user=" + enc(p.user())
                    + "&password=" + p.password() + "&sslmode=require";
            default -> "postgresql+psycopg2://" + enc(p.user()) + ":" + p.password() + "@" + p.hostPort() + "/db?x=1";
        };
        try {
            Dsn dsn = Dsn.parse(input);
            for (String rendering : List.of(dsn.redacted(), dsn.describe(), dsn.jdbcUrl())) assertNoPassword(rendering, p.password());
        } catch (MigratorException e) {
            assertUsageLine(e, p.password());
        }
    }

    private static List<String> forms(Params p) {
        String libpqQuery = query(p.query(), DsnPropertiesTest::enc);
        String formQuery = query(p.query(), DsnPropertiesTest::formEnc);
        String userInfo = enc(p.user()) + ":" + enc(p.password()) + "@";
        String hostPath = p.hostPort() + "/" + enc(p.database());
        List<String> forms = new ArrayList<>();
        forms.add("postgresql://" + userInfo + hostPath + prefixed('?', libpqQuery));
        forms.add("postgres://" + userInfo + hostPath + prefixed('?', libpqQuery));
        forms.add("postgresql+asyncpg://" + userInfo + hostPath + prefixed('?', formQuery));
        forms.add("postgresql+psycopg2://" + userInfo + hostPath + prefixed('?', formQuery));
        // libpq also takes user and password as query parameters
        forms.add("postgresql://" + hostPath + "?user=" + enc(p.user()) + "&password=" + enc(p.password()) + prefixed('&', libpqQuery));
        // pgjdbc decodes its query with URLDecoder, so '+' for space must work there
        forms.add("jdbc:postgresql://" + hostPath + "?user=" + formEnc(p.user()) + "&password=" + formEnc(p.password())
                + prefixed('&', formQuery));
        forms.add("jdbc:postgresql://" + hostPath + "?user=" + enc(p.user()) + prefixed('&', formQuery)
                + "&password=" + enc(p.password()));
        return forms;
    }

    private static String query(Map<String, String> q, java.util.function.UnaryOperator<String> encoder) {
        return q.entrySet().stream().map(e -> encoder.apply(e.getKey()) + "=" + encoder.apply(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String prefixed(char sep, String s) {
        return s.isEmpty() ? "" : sep + s;
    }

    /** Independent of the code under test: java.net's form encoder with %20 for space gives RFC 3986 output. */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String formEnc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void assertNoPassword(String text, String password) {
        assertFalse(text.contains(password), () -> "password in: " + text);
        assertFalse(text.contains(enc(password)), () -> "encoded password in: " + text);
        assertFalse(text.contains(formEnc(password)), () -> "form-encoded password in: " + text);
        assertEquals(text, Secrets.of(password).mask(text), "some written form of the password");
    }

    static void assertUsageLine(MigratorException e, String password) {
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid DSN"), e.getMessage());
        assertNoPassword(e.getMessage(), password);
    }

    @Provide
    Arbitrary<Params> params() {
        Arbitrary<String> text = Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(10).map(t -> String.join("", t));
        Arbitrary<String> password = Arbitraries.of(TOKENS).list().ofMinSize(8).ofMaxSize(16)
                .map(t -> "§" + String.join("", t) + "§");
        Arbitrary<String> key = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_").ofMinLength(1).ofMaxLength(12)
                .filter(k -> !RESERVED_KEYS.contains(k) && !k.equals("ssl"));
        Arbitrary<String> value = Arbitraries.of(TOKENS).list().ofMaxSize(8).map(t -> String.join("", t));
        Arbitrary<Map<String, String>> query = Combinators.combine(key, value).as(Map::entry).list().ofMaxSize(3)
                .uniqueElements(Map.Entry::getKey)
                .map(entries -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    entries.forEach(en -> m.put(en.getKey(), en.getValue()));
                    return m;
                });
        Arbitrary<Integer> port = Arbitraries.integers().between(1, 65535).injectNull(0.2);
        return Combinators.combine(text, password, hosts(), port, text, query).as(Params::new);
    }

    private static Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.stream().map(String::valueOf).collect(Collectors.joining(".")));
        Arbitrary<String> group = Arbitraries.integers().between(0, 0xffff).map(Integer::toHexString);
        Arbitrary<String> fullIpv6 = group.list().ofSize(8).map(g -> String.join(":", g));
        Arbitrary<String> compressedIpv6 = Combinators.combine(group.list().ofMaxSize(3), group.list().ofMaxSize(3))
                .as((left, right) -> String.join(":", left) + "::" + String.join(":", right));
        return Arbitraries.oneOf(name, ipv4, fullIpv6, compressedIpv6, Arbitraries.of("localhost", "::1", "2001:db8::1"));
    }
}
