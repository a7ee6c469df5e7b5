package org.somaagent01.migrator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seed}: the same as {@code apply --seeds-only}. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Upsert the catalog seeds now, even if unchanged since the last run (same as apply --seeds-only).")
final class SeedCommand extends BaseCommand {
    @Option(names = "--seeds-dir", paramLabel = "PATH",
            description = "seed data files to use instead of the shipped ones (<table>.json per seeded table)")
    Path seedsDir;

    @Override
    int execute() throws Exception {
        ApplyCommand apply = new ApplyCommand();
        apply.console = console;
        apply.dsn = dsn;
        apply.dir = dir;
        apply.historySchema = historySchema;
        apply.lockTimeoutSeconds = lockTimeoutSeconds;
        apply.seedsOnly = true;
        apply.seedsDir = seedsDir;
        return apply.execute();
    }
}
