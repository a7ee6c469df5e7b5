package org.somaagent01.migrator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.connect.Dsn;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.lint.Linter;
import org.somaagent01.migrator.lint.TableSizes;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Classify every statement of the pending up scripts (all of them without a database), or of the "
                + "given files: the lock it takes, whether it scans or rewrites its table, and the hazards for a busy "
                + "table (non-concurrent index builds, constraints without NOT VALID, SET NOT NULL, type changes, "
                + "renames, drops, volatile defaults, enum values used too early), each with the safe alternative and, "
                + "with a database, the table's live size. Accept a finding after review with a header line "
                + "'-- migrator:lint-ok RULE line N' or '-- migrator:lint-ok RULE KIND' in the script.")
final class LintCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "SQL files to lint instead of the scripts of --dir")
    List<Path> files = new ArrayList<>();

    @Option(names = "--exit-code", description = "exit 3 when there are findings not acknowledged")
    boolean exitCode;

    @Mixin
    FormatOption output;

    private record Source(String name, String sql) {}

    @Override
    int execute() throws Exception {
        boolean database = dsnFlag() != null || console.env.containsKey(Dsn.ENV_VAR);
        List<Source> sources = new ArrayList<>();
        Connection c = null;
        try {
            if (database) c = connect();
            if (!files.isEmpty()) {
                for (Path f : files) sources.add(new Source(f.toString(), read(f)));
            } else {
                int applied = c == null ? 0 : new SchemaHistory(historySchema).state(c).version();
                for (MigrationScript s : scripts()) {
                    if (s.version() > applied) sources.add(new Source(s.id() + ScriptFiles.UP, s.upSql()));
                }
            }
            return report(sources, c == null ? null : new TableSizes(c));
        } finally {
            if (c != null) c.close();
        }
    }

    private int report(List<Source> sources, TableSizes sizes) throws Exception {
        List<Map<String, Object>> json = new ArrayList<>();
        int findings = 0;
        int acknowledged = 0;
        int statements = 0;
        for (Source source : sources) {
            for (Linter.Linted l : Linter.lint(source.name(), source.sql())) {
                statements++;
                String size = null;
                if (sizes != null && !l.tables().isEmpty()) {
                    TableSizes.Size s = sizes.of(l.tables().get(0));
                    size = s == null ? "not in the database yet" : s.describe();
                }
                List<Map<String, Object>> items = new ArrayList<>();
                for (Linter.Finding f : l.findings()) {
                    if (f.acknowledged()) acknowledged++;
                    else findings++;
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("rule", f.rule().id());
                    item.put("table", f.table());
                    item.put("acknowledged", f.acknowledged());
                    item.put("hazard", f.rule().hazard);
                    item.put("instead", f.rule().alternative);
                    items.add(item);
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("file", l.file());
                entry.put("line", l.line());
                entry.put("kind", l.kind());
                entry.put("tables", l.tables());
                entry.put("lock", l.lock().name());
                entry.put("effect", l.effect().name());
                if (size != null) entry.put("size", size);
                entry.put("findings", items);
                json.add(entry);
                if (output.json()) continue;
                if (l.lock() == org.somaagent01.migrator.lint.Lock.NONE && l.findings().isEmpty()) continue;
                console.result(l.file() + ":" + l.line() + " " + l.kind() + (l.tables().isEmpty() ? "" : " " + String.join(", ", l.tables()))
                        + ": " + l.lock().description + ", " + l.effect().description + (size == null ? "" : "; " + size));
                for (Linter.Finding f : l.findings()) {
                    console.result("  " + f.rule().id() + (f.acknowledged() ? " (acknowledged)" : "") + ": " + f.rule().hazard
                            + "; instead: " + f.rule().alternative);
                }
            }
        }
        if (output.json()) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("statements", json);
            all.put("findings", findings);
            all.put("acknowledged", acknowledged);
            console.result(Json.write(all));
        } else {
            console.log("lint: " + statements + " statement(s) in " + sources.size() + " file(s), " + findings
                    + " finding(s)" + (acknowledged > 0 ? ", " + acknowledged + " acknowledged" : ""));
        }
        return exitCode && findings > 0 ? ExitCode.CHANGES_PENDING.code : 0;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new MigratorException(ExitCode.UNREADABLE_FILES, "cannot read " + f + ": " + e.getMessage()
                    + "; check the path and its permissions");
        }
    }
}
