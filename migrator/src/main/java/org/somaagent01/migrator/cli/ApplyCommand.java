package org.somaagent01.migrator.cli;

import java.sql.Connection;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.SeedStep;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.seeds.SeedReport;
import org.somaagent01.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply pending scripts in order (each in a transaction, under an advisory lock). "
                + "The container-startup command: a no-op when the database is up to date.")
final class ApplyCommand extends BaseCommand {
    @Option(names = "--target", paramLabel = "N", description = "stop at version N instead of the newest")
    Integer target;

    @Option(names = "--allow-destructive", description = "allow scripts that drop tables, columns, types or enum values")
    boolean allowDestructive;

    @Option(names = "--no-seeds", description = "skip the seeds")
    boolean noSeeds;

    @Option(names = "--seeds-only", description = "run only the seeds (the schema must be at the newest version)")
    boolean seedsOnly;

    @Mixin
    SeedsDirOption seedsDir = new SeedsDirOption();

    @Override
    int execute() throws Exception {
        if (noSeeds && seedsOnly) throw new MigratorException(ExitCode.USAGE, "--no-seeds and --seeds-only exclude each other");
        var scripts = scripts();
        try (Connection c = connect()) {
            SeedStep seedStep = new SeedStep(options(), seedsDir.dir, console::log);
            boolean seedAtHead = !noSeeds && (target == null || target == scripts.size());
            // validate changed seed files before any script runs: a bad data file must not leave a half-done apply
            Seeds seeds = seedAtHead ? seedStep.pending(c, seedsOnly) : null;
            if (seeds != null && !seedsOnly) seedStep.validate(dataSource(), seeds, org.somaagent01.migrator.store.Snapshots.head(scripts));
            int version;
            if (seedsOnly) {
                version = new SchemaHistory(historySchema).read(c).size();
            } else {
                Applier.Result r = new Applier(options().withAllowDestructive(allowDestructive), console::log).apply(c, scripts, target);
                version = r.version();
                console.log(r.applied().isEmpty() && r.adopted().isEmpty() ? "schema is up to date at version " + version
                        : "schema at version " + version + " (applied " + r.applied().size() + ", adopted " + r.adopted().size() + ")");
            }
            if (noSeeds) return 0;
            if (version != scripts.size()) {
                if (seedsOnly) throw new MigratorException(ExitCode.USAGE, "the database is at version " + version
                        + ", not the newest (" + scripts.size() + "): run apply before seeding");
                console.log("seeds skipped: the schema is not at the newest version");
                return 0;
            }
            SeedReport report = seeds == null ? null : seedStep.run(c, dataSource(), seeds, seedsOnly);
            console.log(report == null ? "seeds unchanged since the last run: skipped (use 'seed' to force)"
                    : "seeds: " + report.toString().replace("\n", "; "));
        }
        return 0;
    }
}
