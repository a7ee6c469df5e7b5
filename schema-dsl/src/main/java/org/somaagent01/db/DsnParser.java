package org.somaagent01.db;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the accepted DSN forms into a {@link PgDsn}; the migrator and applications share it, so both connect to the
 * same place for the same text. Every error is a one-line {@link InvalidDsnException} that shows the input only in {@link #masked masked} form and never quotes a parsed component on its own: when a
 * password holds an unencoded '/' or '?', the "port" or "host" we see is really a piece of the password.
 */
final class DsnParser {
    static final String EXPECTED = "expected postgresql://user:password@host:5432/database?param=value"
            + " (or postgres://, postgresql+driver://, jdbc:postgresql://host:5432/database?user=...&password=...)"
            + " with special characters in user, password and database percent-encoded (@ as %40, / as %2F, % as %25)";

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.:-]*)://");
    private static final Pattern SHOWABLE_SCHEME = Pattern.compile("(jdbc:)?[A-Za-z][A-Za-z0-9+.-]{0,39}");
    private static final Pattern DRIVER = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)password=.*");
    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    /** libpq allows these in the query too; taking them there would make the authority ambiguous, so we refuse. */
    private static final Set<String> AUTHORITY_PARAMS = Set.of("host", "hostaddr", "port");

    private final String text;
    private final String defaultUser;
    private String shown = "(not shown)";

    private DsnParser(String text, String defaultUser) {
        this.text = text;
        this.defaultUser = defaultUser;
    }

    static PgDsn parse(String raw, String defaultUser) {
        if (raw == null || raw.isBlank()) throw new InvalidDsnException("invalid DSN: it is empty; " + EXPECTED);
        return new DsnParser(raw.strip(), defaultUser).parse();
    }

    private PgDsn parse() {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) throw fail("it contains control characters (a line break?)");
        }
        String rest;
        boolean plusIsSpace;
        if (text.regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length())) {
            rest = text.substring(JDBC_PREFIX.length());
            shown = bounded(text.substring(0, JDBC_PREFIX.length()) + masked(rest));
            plusIsSpace = true;
            // pgjdbc's short forms jdbc:postgresql:database and jdbc:postgresql:/ mean localhost:5432
            if (!rest.startsWith("//")) rest = "//localhost" + (rest.startsWith("/") ? rest : "/" + rest);
        } else {
            Matcher m = SCHEME.matcher(text);
            if (!m.lookingAt()) throw fail("it does not start with a scheme such as postgresql://");
            String scheme = m.group(1);
            rest = text.substring(m.end());
            plusIsSpace = scheme.indexOf('+') >= 0;
            // what looks like a scheme may be "user:password" typed without one; then it is not repeated
            boolean showable = SHOWABLE_SCHEME.matcher(scheme).matches();
            if (showable) shown = bounded(scheme + "://" + masked(rest));
            if (!isPostgresScheme(scheme)) throw fail(showable ? "unknown scheme \"" + scheme + "\"" : "unknown scheme");
            rest = "//" + rest;
        }
        if (rest.indexOf('#') >= 0) throw fail("it contains an unencoded '#' (write it as %23)");
        return parseHierarchy(rest.substring(2), plusIsSpace);
    }

    private static boolean isPostgresScheme(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int plus = s.indexOf('+');
        String base = plus < 0 ? s : s.substring(0, plus);
        return (base.equals("postgresql") || base.equals("postgres"))
                && (plus < 0 || DRIVER.matcher(s.substring(plus + 1)).matches());
    }

    private PgDsn parseHierarchy(String rest, boolean plusIsSpace) {
        int authorityEnd = indexOfAny(rest, "/?");
        String authority = rest.substring(0, authorityEnd);
        String path = "";
        String query = "";
        if (authorityEnd < rest.length()) {
            String tail = rest.substring(authorityEnd);
            int q = tail.indexOf('?');
            path = q < 0 ? tail : tail.substring(0, q);
            query = q < 0 ? "" : tail.substring(q + 1);
        }

        // the last '@' so that an unencoded '@' in the password still works, as libpq users often rely on
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), false, "the user name");
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1), false, "the password");
        String database = decode(path.isEmpty() ? "" : path.substring(1), false, "the database name");

        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw fail("a query parameter is not of the form name=value");
            String key = decode(pair.substring(0, eq), plusIsSpace, "a query parameter name");
            String value = decode(pair.substring(eq + 1), plusIsSpace, "the value of a query parameter");
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "dbname" -> database = value;
                default -> {
                    if (AUTHORITY_PARAMS.contains(key)) {
                        throw fail("query parameter " + key + " is not supported; put host and port before the path");
                    }
                    params.put(key, value);
                }
            }
        }

        String host;
        int port = PgDsn.DEFAULT_PORT;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) throw fail("the IPv6 address has no closing ']'");
            host = hostPort.substring(1, close);
            if (!IPV6.matcher(host).matches()) throw fail("the text in [ ] is not an IPv6 address");
            String afterBracket = hostPort.substring(close + 1);
            if (!afterBracket.isEmpty()) {
                if (afterBracket.charAt(0) != ':') throw fail("only :port may follow the IPv6 address in [ ]");
                port = port(afterBracket.substring(1));
            }
        } else {
            int portColon = hostPort.indexOf(':');
            host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
            if (portColon >= 0) {
                if (hostPort.indexOf(':', portColon + 1) >= 0) {
                    throw fail("the host has several ':' (IPv6 addresses go in brackets, e.g. [::1]:5432)");
                }
                port = port(hostPort.substring(portColon + 1));
            }
            if (host.isEmpty()) throw fail("the host is missing (Unix-domain sockets are not supported)");
            if (host.indexOf(',') >= 0) throw fail("several hosts are not supported");
            if (!HOSTNAME.matcher(host).matches()) throw fail("the host is not a host name or IP address");
        }

        if (user.isEmpty()) user = defaultUser;
        if (database.isEmpty()) database = user;
        return new PgDsn(host.toLowerCase(Locale.ROOT), port, database, user, password, params);
    }

    private int port(String digits) {
        if (digits.isEmpty()) throw fail("the port after ':' is empty");
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail("the port is not a number between 1 and 65535");
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) throw fail("the port is not between 1 and 65535");
        return port;
    }

    private String decode(String s, boolean plusIsSpace, String what) {
        try {
            return PercentCodec.decode(s, plusIsSpace);
        } catch (PercentCodec.BadEncoding e) {
            throw fail("bad percent-encoding in " + what + ": " + e.getMessage());
        }
    }

    private InvalidDsnException fail(String problem) {
        return new InvalidDsnException("invalid DSN " + shown + ": " + problem + "; " + EXPECTED);
    }

    /**
     * The part after the scheme with every possible password hidden, erring towards hiding too much: a query
     * password hides the rest of the line (its value may hold an unencoded '&'), and user info hides everything
     * from its first ':' to the last '@' (the password may hold unencoded ':', '@', '/' or '?').
     */
    static String masked(String afterScheme) {
        String s = QUERY_PASSWORD.matcher(afterScheme).replaceFirst("password=" + Secrets.MASK);
        int at = s.lastIndexOf('@');
        int colon = at < 0 ? -1 : s.indexOf(':');
        if (colon >= 0 && colon < at) s = s.substring(0, colon + 1) + Secrets.MASK + s.substring(at);
        return s;
    }

    /** Shown DSNs are cut (after masking): the message must stay one readable line however long the input. */
    static String bounded(String maskedDsn) {
        return BoundedText.cut(maskedDsn, SHOWN_MAX);
    }

    static final int SHOWN_MAX = 120;

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return s.length();
    }
}
