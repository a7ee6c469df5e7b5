package org.somaagent01.migrator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code seed}: the same as {@code apply --seeds-only}. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Upsert the catalog seeds now, even if unchanged since the last run (same as apply --seeds-only).")
final class SeedCommand extends BaseCommand {
    @Mixin
    SeedsDirOption seedsDir = new SeedsDirOption();

    @Override
    int execute() throws Exception {
        ApplyCommand apply = new ApplyCommand();
        apply.console = console;
        apply.dsn = dsn;
        apply.dir = dir;
        apply.historySchema = historySchema;
        apply.lockTimeoutSeconds = lockTimeoutSeconds;
        apply.ddlLockTimeoutSeconds = ddlLockTimeoutSeconds;
        apply.ddlLockRetries = ddlLockRetries;
        apply.connectTimeoutSeconds = connectTimeoutSeconds;
        apply.connectRetries = connectRetries;
        apply.seedsOnly = true;
        apply.seedsDir = seedsDir;
        return apply.execute();
    }
}
