package org.somaagent01.migrator.cli;

import org.somaagent01.migrator.service.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply pending scripts in order, segment by segment (each segment in a transaction with its "
                + "progress), under an advisory lock; a partly applied version is resumed. The container-startup "
                + "command: a no-op when the database is up to date.")
final class ApplyCommand extends BaseCommand {
    @Option(names = "--target", paramLabel = "N", description = "stop at version N instead of the newest")
    Integer target;

    @Option(names = "--allow-destructive", description = "allow scripts that destroy data (dropped tables or columns "
            + "holding rows, casts of columns holding values)")
    boolean allowDestructive;

    @Option(names = "--no-seeds", description = "skip the seeds")
    boolean noSeeds;

    @Option(names = "--seeds-only", description = "run only the seeds (the schema must be at the newest version)")
    boolean seedsOnly;

    @Mixin
    SeedsDirOption seedsDir = new SeedsDirOption();

    @Override
    int execute() throws Exception {
        Migrator.ApplyResult r = migrator(seedsDir.dir, options()).apply(target, allowDestructive, !noSeeds, seedsOnly);
        if (r.scripts() != null) {
            console.log(r.scripts().applied().isEmpty() && r.scripts().adopted().isEmpty()
                    ? "schema is up to date at version " + r.version()
                    : "schema at version " + r.version() + " (applied " + r.scripts().applied().size() + ", adopted "
                    + r.scripts().adopted().size() + ")");
        }
        if (r.seeds() != null) console.log(r.seeds());
        return 0;
    }
}
