package org.somaagent01.migrator.cli;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.apply.Adoption;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.DriftReport;
import org.somaagent01.migrator.apply.SeedStep;
import org.somaagent01.migrator.history.AppliedVersion;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the SQL that 'apply' would run now, and drift warnings. With --offline: the whole DDL "
                + "from an empty database to the newest version, without a database.")
final class PlanCommand extends BaseCommand {
    @Option(names = "--offline", description = "no database: print every up script")
    boolean offline;

    @Mixin
    SeedsDirOption seedsDir = new SeedsDirOption();

    @Mixin
    FormatOption output;

    @Option(names = "--exit-code", description = "exit 3 when scripts are pending or the live schema drifted")
    boolean exitCode;

    @Override
    int execute() throws Exception {
        List<MigrationScript> scripts = scripts();
        List<MigrationScript> pending = scripts;
        List<String> drift = List.of();
        String seeds = "seeds: not planned offline";
        if (!offline) {
            try (Connection c = connect()) {
                SchemaHistory history = new SchemaHistory(historySchema);
                List<AppliedVersion> applied = history.read(c);
                int current = applied.size();
                if (!history.exists(c)) {
                    current = Adoption.matchingVersion(new CatalogInspector(options().appSchema()).inspect(c), scripts, scripts.size());
                    if (current > 0) console.log("the existing schema equals version " + current
                            + ": apply will adopt it (record the history, run no DDL for it)");
                }
                pending = scripts.subList(Math.min(current, scripts.size()), scripts.size());
                if (!applied.isEmpty()) {
                    drift = DriftReport.describe(Snapshots.head(scripts.subList(0, applied.size())),
                            new CatalogInspector(options().appSchema()).inspect(c));
                }
                seeds = pending.isEmpty() ? new SeedStep(options(), seedsDir.dir, console::log).load().plan(dataSource()).toString()
                        : "seeds run after the pending scripts (every row is inserted on a new database)";
            }
        }
        if (output.json()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (MigrationScript s : pending) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("version", s.version());
                item.put("name", s.name());
                item.put("destructive", s.up().destructive());
                item.put("sql", s.upSql());
                items.add(item);
            }
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("pending", items);
            plan.put("drift", drift);
            plan.put("seeds", seeds);
            console.result(Json.write(plan));
            return code(pending, drift);
        }
        for (String d : drift) console.log("warning: drift: " + d);
        if (pending.isEmpty()) {
            console.log("nothing to apply: the database is at the newest version");
        }
        for (MigrationScript s : pending) console.result(s.upSql());
        console.result("-- seeds: " + seeds.replace("\n", "\n--        "));
        return code(pending, drift);
    }

    private int code(List<MigrationScript> pending, List<String> drift) {
        return exitCode && (!pending.isEmpty() || !drift.isEmpty()) ? ExitCode.CHANGES_PENDING.code : 0;
    }
}
