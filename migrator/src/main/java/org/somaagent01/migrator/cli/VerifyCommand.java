package org.somaagent01.migrator.cli;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.DriftReport;
import org.somaagent01.migrator.history.AppliedVersion;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check applied scripts' checksums, the live schema against the expected snapshot, and the "
                + "declared schema against the newest snapshot. Exit 6 on a checksum mismatch, 3 on drift.")
final class VerifyCommand extends BaseCommand {
    @Mixin
    FormatOption output;

    @Option(names = "--dev-url", paramLabel = "URL", description = DEV_URL_HELP)
    String devUrl;

    @Override
    int execute() throws Exception {
        List<MigrationScript> scripts = scripts();
        List<String> problems = new ArrayList<>();
        try (Connection c = connect()) {
            List<AppliedVersion> applied = new SchemaHistory(historySchema).read(c);
            Applier.checkApplied(applied, scripts);
            for (String d : DriftReport.describe(Snapshots.head(scripts.subList(0, applied.size())),
                    new CatalogInspector(options().appSchema()).inspect(c))) {
                problems.add("live schema: " + d);
            }
        }
        for (String d : DriftReport.describe(Snapshots.head(scripts), declared(devUrl))) {
            problems.add("declared schema vs newest script: " + d + " (run 'generate')");
        }
        if (output.json()) {
            console.result(Json.write(java.util.Map.of("ok", problems.isEmpty(), "problems", problems)));
        } else {
            for (String p : problems) console.result(p);
            if (problems.isEmpty()) console.result("ok: checksums, live schema and declared schema all match");
        }
        return problems.isEmpty() ? 0 : ExitCode.CHANGES_PENDING.code;
    }
}
