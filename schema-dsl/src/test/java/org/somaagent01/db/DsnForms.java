package org.somaagent01.db;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Connection parameters and every accepted way of writing them as a DSN, for properties here and in the migrator
 * (shipped in the test jar). Generated passwords carry the marker '§', which no other generated value contains, so
 * finding the password anywhere means it was copied there. Encoding uses java.net, independent of the code under test.
 */
public final class DsnForms {
    /** Tokens rather than chars so that non-BMP characters stay whole; includes every URI delimiter. */
    private static final List<String> TOKENS = List.of("a", "b", "Z", "0", "9", "-", "_", ".", "~", "*", "@", ":", "/",
            "%", "?", "#", "+", "&", "=", "[", "]", " ", "é", "ß", "日本", "😀", "%41", "'", "\"", "\\", ";", ",");
    private static final Set<String> RESERVED_KEYS = Set.of("user", "password", "dbname", "host", "hostaddr", "port", "ssl");

    private DsnForms() {}

    public record Params(String user, String password, String host, Integer port, String database, Map<String, String> query) {
        public PgDsn expected() {
            return new PgDsn(host, port == null ? 5432 : port, database, user, password, query);
        }

        String hostPort() {
            return (host.contains(":") ? "[" + host + "]" : host) + (port == null ? "" : ":" + port);
        }
    }

    /** The same parameters as libpq URIs, SQLAlchemy URLs and pgjdbc URLs, with credentials in each place allowed. */
    public static List<String> validForms(Params p) {
        String libpqQuery = query(p.query(), DsnForms::enc);
        String formQuery = query(p.query(), DsnForms::formEnc);
        String userInfo = enc(p.user()) + ":" + enc(p.password()) + "@";
        String hostPath = p.hostPort() + "/" + enc(p.database());
        List<String> forms = new ArrayList<>();
        forms.add("postgresql://" + userInfo + hostPath + prefixed('?', libpqQuery));
        forms.add("postgres://" + userInfo + hostPath + prefixed('?', libpqQuery));
        forms.add("postgresql+asyncpg://" + userInfo + hostPath + prefixed('?', formQuery));
        forms.add("postgresql+psycopg2://" + userInfo + hostPath + prefixed('?', formQuery));
        forms.add("postgresql://" + hostPath + "?user=" + enc(p.user()) + "&password=" + enc(p.password()) + prefixed('&', libpqQuery));
        forms.add("jdbc:postgresql://" + hostPath + "?user=" + formEnc(p.user()) + "&password=" + formEnc(p.password())
                + prefixed('&', formQuery));
        forms.add("jdbc:postgresql://" + hostPath + "?user=" + enc(p.user()) + prefixed('&', formQuery)
                + "&password=" + enc(p.password()));
        return forms;
    }

    /** Forms that may parse to something else or fail: unencoded passwords and broken DSNs. */
    public static List<String> doubtfulForms(Params p) {
        String userInfo = enc(p.user()) + ":" + enc(p.password()) + "@";
        List<String> forms = new ArrayList<>();
        // unencoded passwords (libpq is lenient about '@'): may parse or fail, but both parsers must agree
        forms.add("postgresql://" + enc(p.user()) + ":" + p.password() + "@" + p.hostPort() + "/" + enc(p.database()));
        // broken ones: both parsers must fail alike
        forms.add("postgresql://" + userInfo + p.hostPort() + "/" + enc(p.database()) + "%G7");
        forms.add("mysql://" + userInfo + p.hostPort() + "/" + enc(p.database()));
        forms.add("postgresql+asyncpg://" + userInfo + "[" + (p.host().contains(":") ? p.host() : "::1") + "/db");
        return forms;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String formEnc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String query(Map<String, String> q, UnaryOperator<String> encoder) {
        return q.entrySet().stream().map(e -> encoder.apply(e.getKey()) + "=" + encoder.apply(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String prefixed(char sep, String s) {
        return s.isEmpty() ? "" : sep + s;
    }

    public static Arbitrary<Params> params() {
        Arbitrary<String> text = Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(10).map(t -> String.join("", t));
        Arbitrary<String> password = Arbitraries.of(TOKENS).list().ofMinSize(8).ofMaxSize(16)
                .map(t -> "§" + String.join("", t) + "§");
        Arbitrary<String> key = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_").ofMinLength(1).ofMaxLength(12)
                .filter(k -> !RESERVED_KEYS.contains(k));
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
