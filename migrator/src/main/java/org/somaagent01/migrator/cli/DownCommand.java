package org.somaagent01.migrator.cli;

import org.somaagent01.migrator.service.Migrator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Run down scripts, newest first, to an earlier version; a partly applied version is reverted "
                + "exactly (its applied segments).")
final class DownCommand extends BaseCommand {
    static final class Target {
        @Option(names = "--to", paramLabel = "N", required = true, description = "go down to version N (0 = empty)")
        Integer to;

        @Option(names = "--steps", paramLabel = "K", required = true, description = "revert the last K versions")
        Integer steps;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--force", description = "revert even when it destroys data (dropped tables or columns holding rows)")
    boolean force;

    @Override
    int execute() throws Exception {
        Migrator m = migrator(null, options());
        // long statements (index builds, rewrites) report on stderr while they run, as in apply
        if (!quiet) m = m.withProgress(new ProgressPrinter(console, ProgressPrinter.mode(console, false)));
        Migrator.DownResult r = m.down(target.to, target.steps, force);
        console.log(r.reverted().isEmpty() ? "nothing to revert: the database is at version " + r.version()
                : "reverted " + String.join(", ", r.reverted()) + "; the database is at version " + r.version());
        return 0;
    }
}
