package org.somaagent01.migrator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.connect.Connector;
import org.somaagent01.migrator.connect.Dsn;
import org.somaagent01.migrator.service.Fleet;
import org.somaagent01.migrator.service.Migrator;
import org.somaagent01.migrator.service.Targets;
import org.somaagent01.migrator.store.MigrationScript;

/**
 * The CLI side of a fleet run: reads the targets, runs one {@link Fleet} operation, prints one line per database (in
 * the order of the targets) and a summary, or the same as JSON. Per-database progress goes to stderr prefixed with
 * the database's masked URL.
 */
final class FleetRun {
    /** Bound on one database's result line, so a long error or problem list cannot flood the report. */
    static final int MAX_LINE = 600;

    private FleetRun() {}

    /** How one command words its per-database result. */
    record Rendering<R>(String command, ToIntFunction<R> exitCode, Function<R, String> text, Function<R, Object> json) {}

    static <R> int run(BaseCommand cmd, FleetOptions fleetOptions, boolean jsonOutput, Path seedsDir,
                       Fleet.Operation<R> operation, Rendering<R> rendering) {
        Console console = cmd.console;
        List<Dsn> targets = targets(cmd, fleetOptions);
        for (Dsn d : targets) console.secrets = console.secrets.and(d);
        // what every database shares, built once: the scripts (immutable), the options, the connection settings
        List<MigrationScript> scripts = cmd.scripts();
        ApplyOptions options = cmd.options();
        Connector.Backoff backoff = new Connector.Backoff(cmd.connectRetries, Connector.Backoff.DEFAULT.firstDelay());
        cmd.connector(); // validates --connect-timeout / --connect-retries before any database is touched
        Fleet fleet = new Fleet(targets, fleetOptions.parallel, dsn -> {
            String prefix = "[" + dsn.redacted() + "] ";
            java.util.function.Consumer<String> log = line -> console.log(prefix + line);
            Connector connector = new Connector(backoff, java.time.Duration.ofSeconds(cmd.connectTimeoutSeconds), log);
            return new Migrator(new Migrator.Target() {
                public Connection connect() { return connector.connect(dsn); }

                public DataSource dataSource() { return BaseCommand.dataSource(dsn); }
            }, scripts, options, seedsDir, log).withPrivileges(cmd.withPrivileges());
        });
        Fleet.Report<R> report = fleet.run(operation, rendering.exitCode());

        if (jsonOutput) {
            List<Map<String, Object>> databases = new ArrayList<>();
            for (Fleet.Outcome<R> o : report.outcomes()) {
                Map<String, Object> db = new LinkedHashMap<>();
                db.put("dsn", o.dsn().redacted());
                db.put("exit_code", o.exitCode());
                db.put("elapsed_ms", o.elapsed().toMillis());
                if (o.result() != null) db.put("result", rendering.json().apply(o.result()));
                if (o.error() != null) db.put("error", console.mask(o.error()));
                databases.add(db);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", rendering.command());
            json.put("databases", databases);
            json.put("failed", report.notOk().stream().map(o -> o.dsn().redacted()).toList());
            json.put("exit_code", report.exitCode());
            json.put("summary", report.summary());
            console.result(Json.write(json));
        } else {
            int width = report.outcomes().stream().mapToInt(o -> o.dsn().redacted().length()).max().orElse(0);
            for (Fleet.Outcome<R> o : report.outcomes()) {
                String label = o.ok() ? "ok" : o.exitCode() == ExitCode.CHANGES_PENDING.code ? "pending" : "FAILED";
                String detail = o.result() != null ? rendering.text().apply(o.result())
                        : "exit " + o.exitCode() + ": " + console.mask(o.error());
                console.result(bounded(String.format("%-7s %-" + width + "s  %s", label, o.dsn().redacted(), detail)));
            }
            console.result("fleet " + rendering.command() + ": " + report.summary());
        }
        if (console.verbose) {
            for (Fleet.Outcome<R> o : report.notOk()) if (o.failure() != null) console.stackTrace(o.failure());
        }
        return report.exitCode();
    }

    /** The --targets file's URLs, then the --dsn ones; each parse error names its source. */
    static List<Dsn> targets(BaseCommand cmd, FleetOptions fleetOptions) {
        List<Dsn> targets = new ArrayList<>();
        if (fleetOptions.targets != null) {
            Path file = fleetOptions.targets;
            String content;
            try {
                content = Files.readString(file);
            } catch (IOException e) {
                boolean missing = !Files.exists(file);
                throw new MigratorException(missing ? ExitCode.USAGE : ExitCode.UNREADABLE_FILES, "--targets " + file
                        + (missing ? " does not exist" : " cannot be read: " + e.getClass().getSimpleName()), e);
            }
            for (Targets.Line line : Targets.parse(content)) {
                try {
                    targets.add(Dsn.parse(line.url()));
                } catch (MigratorException e) {
                    throw new MigratorException(e.exitCode(), file + " line " + line.number() + ": " + e.getMessage());
                }
            }
            if (targets.isEmpty()) throw new MigratorException(ExitCode.USAGE, "--targets " + file + " lists no database URL");
        }
        for (String d : cmd.dsns) {
            try {
                targets.add(Dsn.parse(d));
            } catch (MigratorException e) {
                throw new MigratorException(e.exitCode(), "--dsn: " + e.getMessage());
            }
        }
        return targets;
    }

    static String bounded(String line) {
        String one = line.replaceAll("\\s*\\R\\s*", " ");
        return one.length() <= MAX_LINE ? one : one.substring(0, MAX_LINE - 1) + "…";
    }
}
