package org.somaagent01.migrator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * A script file read once into data: its segments and what their statements do. Segments are marked by directive
 * lines written by {@code generate}:
 * <pre>
 * -- migrator:segment                   starts a segment that runs in one transaction (the default)
 * -- migrator:segment no-transaction    starts a segment of one statement run outside a transaction
 * </pre>
 * Statements before the first directive form a transactional segment. The older header
 * {@code -- migrator:no-transaction} on the first line makes every statement its own segment outside a transaction.
 */
public record ScriptBody(String fileName, List<Segment> segments) {
    public static final String SEGMENT_DIRECTIVE = "-- migrator:segment";
    public static final String NO_TRANSACTION = "no-transaction";
    public static final String LEGACY_NO_TRANSACTION = "-- migrator:no-transaction";

    public ScriptBody {
        segments = List.copyOf(segments);
    }

    public List<StatementFacts> facts() {
        return segments.stream().flatMap(s -> s.facts().stream()).toList();
    }

    public boolean destructive() {
        return facts().stream().anyMatch(StatementFacts::destructive);
    }

    /** The segment directive line opening a segment. */
    public static String directive(boolean transactional) {
        return transactional ? SEGMENT_DIRECTIVE : SEGMENT_DIRECTIVE + " " + NO_TRANSACTION;
    }

    public static ScriptBody parse(String fileName, String sql) {
        List<Segment> segments = new ArrayList<>();
        if (sql.startsWith(LEGACY_NO_TRANSACTION)) {
            for (SqlStatements.Statement s : SqlStatements.parse(sql)) segments.add(segment(fileName, segments.size() + 1, false, List.of(s)));
            return new ScriptBody(fileName, segments);
        }
        List<String> lines = sql.lines().toList();
        int start = 0;
        Boolean transactional = true;
        for (int i = 0; i <= lines.size(); i++) {
            Boolean next = i < lines.size() ? directiveMode(fileName, i + 1, lines.get(i)) : null;
            if (next == null && i < lines.size()) continue;
            addSegment(fileName, segments, lines, start, i, transactional, start > 0);
            start = i + 1;
            transactional = next;
        }
        return new ScriptBody(fileName, segments);
    }

    /** null when the line is not a segment directive; else whether the segment it opens is transactional. */
    private static Boolean directiveMode(String fileName, int lineNumber, String line) {
        if (!line.startsWith(SEGMENT_DIRECTIVE)) return null;
        String rest = line.substring(SEGMENT_DIRECTIVE.length()).strip().toLowerCase(Locale.ROOT);
        if (rest.isEmpty()) return true;
        if (rest.equals(NO_TRANSACTION)) return false;
        throw integrity(fileName + " line " + lineNumber + ": unknown segment option '" + rest
                + "'; write '" + SEGMENT_DIRECTIVE + "' or '" + SEGMENT_DIRECTIVE + " " + NO_TRANSACTION + "'");
    }

    private static void addSegment(String fileName, List<Segment> segments, List<String> lines, int from, int to,
                                   boolean transactional, boolean opened) {
        // blank lines keep the statements' line numbers those of the file
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) text.append(i >= from && i < to ? lines.get(i) : "").append('\n');
        List<SqlStatements.Statement> statements = SqlStatements.parse(text.toString());
        if (statements.isEmpty()) {
            if (opened) throw integrity(fileName + " line " + from + ": the segment has no statements; remove the directive");
            return;
        }
        segments.add(segment(fileName, segments.size() + 1, transactional, statements));
    }

    private static Segment segment(String fileName, int number, boolean transactional, List<SqlStatements.Statement> statements) {
        List<StatementFacts> facts = statements.stream().map(s -> StatementClassifier.classify(s.sql())).toList();
        if (!transactional && statements.size() > 1) {
            throw integrity(fileName + " line " + statements.get(1).line() + ": a segment outside a transaction holds one "
                    + "statement (it commits by itself); start a new '" + SEGMENT_DIRECTIVE + "' before this one");
        }
        if (transactional) {
            for (int i = 0; i < statements.size(); i++) {
                if (facts.get(i).outsideTransaction()) {
                    throw integrity(fileName + " line " + statements.get(i).line() + ": " + facts.get(i).kind()
                            + " cannot run inside a transaction; put it in its own '" + SEGMENT_DIRECTIVE + " "
                            + NO_TRANSACTION + "'");
                }
            }
        }
        StringBuilder all = new StringBuilder();
        for (SqlStatements.Statement s : statements) all.append(s.sql()).append(";\n");
        return new Segment(number, transactional, statements, facts, ScriptFiles.sha256(all.toString()));
    }

    private static MigratorException integrity(String message) {
        return new MigratorException(ExitCode.INTEGRITY, message);
    }
}
