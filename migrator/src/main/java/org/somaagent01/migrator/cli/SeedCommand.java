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
        console.log(migrator(seedsDir.dir, options()).apply(null, false, true, true).seeds());
        return 0;
    }
}
