package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The other sessions that hold locks on the relations a DDL attempt needed, to name them when the attempt timed out.
 * By then the attempt was rolled back and we no longer wait, so {@code pg_blocking_pids} cannot answer; the holders
 * of granted locks on those relations are what blocked us (a lock requested after ours queued behind us and did not).
 */
public final class Blockers {
    /** At most this many sessions are read; the description names fewer. */
    static final int MAX_SESSIONS = 20;
    static final int NAMED_IN_DESCRIPTION = 2;
    static final int MAX_QUERY = 80;
    static final int MAX_APPLICATION = 40;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // a blocker's query is someone else's text: a role's password literal must not end up in our output
    private static final Pattern PASSWORD_LITERAL = Pattern.compile("(?i)(password\\s*)'(?:[^']|'')*'?");

    /**
     * One session holding a lock. Null fields are what pg_stat_activity does not show this user (another role's
     * session without pg_read_all_stats); {@code secondsInTransaction} is null outside a transaction.
     */
    public record Blocker(int pid, String application, String user, String state, Long secondsInTransaction,
                          String query) {
        /** "pid 4242 (application 'psql', user soma, idle in transaction for 35 s: 'SELECT …')". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (application != null && !application.isBlank()) parts.add("application '" + cut(oneLine(application), MAX_APPLICATION) + "'");
            if (user != null) parts.add("user " + cut(oneLine(user), MAX_APPLICATION));
            if (state == null) {
                parts.add("details not visible to this user (grant pg_read_all_stats)");
            } else {
                String s = cut(oneLine(state), MAX_APPLICATION);
                if (secondsInTransaction != null) s += " for " + secondsInTransaction + " s";
                String q = query == null ? "" : oneLine(PASSWORD_LITERAL.matcher(query).replaceAll("$1'***'"));
                if (!q.isEmpty() && !q.equals("<insufficient privilege>")) s += ": '" + cut(q, MAX_QUERY) + "'";
                parts.add(s);
            }
            return "pid " + pid + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
        }
    }

    private Blockers() {}

    /**
     * Sessions other than ours holding granted locks on {@code relations} (names as written in SQL, possibly
     * schema-qualified or quoted, or quote-stripped with their case kept or folded). When none resolves, sessions
     * of this database whose transaction is older than {@code minTransactionAge} and that hold relation locks.
     * Call it outside a transaction; when autocommit is off, the read-only transaction it starts is rolled back.
     */
    public static List<Blocker> find(Connection c, Collection<String> relations, Duration minTransactionAge)
            throws SQLException {
        try {
            List<Long> oids = resolve(c, relations);
            return oids.isEmpty() ? oldTransactions(c, minTransactionAge) : holders(c, oids);
        } finally {
            if (!c.getAutoCommit()) c.rollback();
        }
    }

    /** "pid 1 (…)", "pid 1 (…) and pid 2 (…)", "pid 1 (…), pid 2 (…) and 3 more"; bounded in length. */
    public static String describe(List<Blocker> blockers) {
        if (blockers.isEmpty()) return "another session (it ended before it could be named)";
        List<String> named = new ArrayList<>();
        for (Blocker b : blockers.subList(0, Math.min(NAMED_IN_DESCRIPTION, blockers.size()))) named.add(b.describe());
        int more = blockers.size() - named.size();
        if (more > 0) return String.join(", ", named) + " and " + more + " more";
        return String.join(" and ", named);
    }

    /**
     * Oids of the relations, each name tried as SQL reads it, then as written, then case-insensitively (a name
     * whose quotes were stripped and case folded, as in "mixedcase" for "MixedCase"). Runs only after a lock
     * timeout, so a query per name is fine.
     */
    private static List<Long> resolve(Connection c, Collection<String> relations) throws SQLException {
        Set<Long> oids = new LinkedHashSet<>();
        for (String r : relations) {
            List<Part> parts = parse(r);
            if (parts.isEmpty()) continue;
            List<Long> found = strict(c, candidates(parts));
            if (found.isEmpty() && parts.size() <= 2) found = caseInsensitive(c, parts);
            oids.addAll(found);
        }
        return List.copyOf(oids);
    }

    private static List<Long> strict(Connection c, List<String> names) throws SQLException {
        String sql = "SELECT to_regclass(n)::oid FROM unnest(?::text[]) WITH ORDINALITY AS x(n, i) "
                + "WHERE to_regclass(n) IS NOT NULL ORDER BY i LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            return oids(ps);
        }
    }

    private static List<Long> caseInsensitive(Connection c, List<Part> parts) throws SQLException {
        String relation = "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE lower(c.relname) = lower(?) AND ";
        String sql = relation + (parts.size() == 1 ? "n.nspname = ANY (current_schemas(false))" : "lower(n.nspname) = lower(?)");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parts.get(parts.size() - 1).name());
            if (parts.size() == 2) ps.setString(2, parts.get(0).name());
            return oids(ps);
        }
    }

    private static List<Long> oids(PreparedStatement ps) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    private static final String SESSION_COLUMNS = "SELECT a.pid, a.application_name, a.usename, a.state, "
            + "floor(extract(epoch FROM clock_timestamp() - a.xact_start))::bigint, a.query FROM pg_stat_activity a ";
    private static final String GRANTED_RELATION_LOCK = "SELECT l.pid FROM pg_locks l WHERE l.granted "
            + "AND l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    private static final String ORDER = " ORDER BY a.xact_start NULLS LAST, a.pid LIMIT " + MAX_SESSIONS;

    private static List<Blocker> holders(Connection c, List<Long> oids) throws SQLException {
        String sql = SESSION_COLUMNS + "WHERE a.pid <> pg_backend_pid() AND a.pid IN (" + GRANTED_RELATION_LOCK
                + " AND l.relation = ANY (?::oid[]))" + ORDER;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", oids.toArray()));
            return read(ps);
        }
    }

    private static List<Blocker> oldTransactions(Connection c, Duration minAge) throws SQLException {
        String sql = SESSION_COLUMNS + "WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() "
                + "AND a.xact_start < clock_timestamp() - make_interval(secs => ?) AND a.pid IN ("
                + GRANTED_RELATION_LOCK + ")" + ORDER;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, minAge.toMillis() / 1000.0);
            return read(ps);
        }
    }

    private static List<Blocker> read(PreparedStatement ps) throws SQLException {
        List<Blocker> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long secs = rs.getLong(5);
                out.add(new Blocker(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.wasNull() ? null : secs, rs.getString(6)));
            }
        }
        return out;
    }

    /** One dot-separated part of a relation name, its quotes removed. */
    record Part(String name, boolean quoted) {}

    /** The parts of a name as SQL writes it ({@code app."Events"}); empty when it is not 1 to 3 identifiers. */
    static List<Part> parse(String name) {
        List<Part> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inQuotes = false;
        boolean wasQuoted = false;
        boolean ended = false; // whitespace after an unquoted part: only a dot may follow
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (inQuotes) {
                if (ch != '"') part.append(ch);
                else if (i + 1 < name.length() && name.charAt(i + 1) == '"') { part.append('"'); i++; }
                else { inQuotes = false; ended = true; }
            } else if (ch == '.') {
                if (part.length() == 0) return List.of();
                parts.add(new Part(part.toString(), wasQuoted));
                part.setLength(0);
                wasQuoted = ended = false;
            } else if (Character.isWhitespace(ch)) {
                if (part.length() > 0 || wasQuoted) ended = true;
            } else if (ended || (ch == '"' && part.length() > 0)) {
                return List.of();
            } else if (ch == '"') {
                inQuotes = wasQuoted = true;
            } else {
                part.append(ch);
            }
        }
        if (inQuotes || part.length() == 0) return List.of();
        parts.add(new Part(part.toString(), wasQuoted));
        return parts.size() > 3 ? List.of() : parts;
    }

    /**
     * What a parsed name may mean, each form fully quoted so {@code to_regclass} never meets bad syntax: as SQL
     * reads it (unquoted parts fold to lower case), then as written (a quote-stripped name keeping its case).
     */
    static List<String> candidates(List<Part> parts) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(render(parts, true));
        forms.add(render(parts, false));
        return List.copyOf(forms);
    }

    private static String render(List<Part> parts, boolean fold) {
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            String n = fold && !p.quoted() ? foldAscii(p.name()) : p.name();
            out.add('"' + n.replace("\"", "\"\"") + '"');
        }
        return String.join(".", out);
    }

    /** PostgreSQL folds only ASCII letters of unquoted identifiers in UTF-8 databases. */
    private static String foldAscii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
        return b.toString();
    }

    static String oneLine(String s) {
        return WHITESPACE.matcher(s).replaceAll(" ").trim();
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
