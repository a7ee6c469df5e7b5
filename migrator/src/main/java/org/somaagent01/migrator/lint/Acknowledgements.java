package org.somaagent01.migrator.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Findings a reviewer accepted, written in the script's header (the comment lines before its first statement):
 * <pre>
 * -- migrator:lint-ok RULE line N     the statement that starts on line N of this file
 * -- migrator:lint-ok RULE KIND       every statement of that kind in this file, e.g. ALTER TABLE, DROP TABLE
 * </pre>
 * RULE is a {@link LintRule#id()}. A finding stays in the report, marked acknowledged, and no longer fails
 * {@code lint --exit-code}. A generated script's checksum covers its header: run {@code generate --rehash} after.
 */
final class Acknowledgements {
    static final String DIRECTIVE = "-- migrator:lint-ok";

    private record Ack(LintRule rule, int line, String kind) {}

    private final List<Ack> acks;

    private Acknowledgements(List<Ack> acks) { this.acks = acks; }

    static Acknowledgements parse(String fileName, String sql) {
        List<Ack> acks = new ArrayList<>();
        List<String> lines = sql.lines().toList();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (!line.isEmpty() && !line.startsWith("--")) break;
            if (!line.startsWith(DIRECTIVE)) continue;
            String[] words = line.substring(DIRECTIVE.length()).strip().split("\\s+", 2);
            LintRule rule = LintRule.byId(words[0]);
            if (rule == null || words.length < 2) {
                throw new MigratorException(ExitCode.USAGE, fileName + " line " + n + ": write '" + DIRECTIVE
                        + " RULE line N' or '" + DIRECTIVE + " RULE KIND'" + (rule == null ? " with a known rule ("
                        + words[0] + " is not one; see 'lint --help')" : ""));
            }
            String target = words[1].strip();
            if (target.toLowerCase(Locale.ROOT).matches("line \\d{1,9}")) {
                acks.add(new Ack(rule, Integer.parseInt(target.substring(5).strip()), null));
            } else {
                acks.add(new Ack(rule, 0, target.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)));
            }
        }
        return new Acknowledgements(acks);
    }

    boolean covers(LintRule rule, int line, String kind) {
        for (Ack a : acks) {
            if (a.rule() == rule && (a.kind() == null ? a.line() == line : a.kind().equals(kind))) return true;
        }
        return false;
    }
}
