package org.somaagent01.migrator.cli;

import java.sql.Connection;
import java.util.List;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.history.SchemaHistory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Run down scripts, newest first, to an earlier version.")
final class DownCommand extends BaseCommand {
    static final class Target {
        @Option(names = "--to", paramLabel = "N", required = true, description = "go down to version N (0 = empty)")
        Integer to;

        @Option(names = "--steps", paramLabel = "K", required = true, description = "revert the last K versions")
        Integer steps;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--force", description = "revert even when it drops tables that hold rows")
    boolean force;

    @Override
    int execute() throws Exception {
        var scripts = scripts();
        try (Connection c = connect()) {
            int current = new SchemaHistory(historySchema).read(c).size();
            int to = target.to != null ? target.to : current - target.steps;
            if (target.steps != null && target.steps < 0) throw new MigratorException(ExitCode.USAGE, "--steps must be positive");
            List<String> reverted = new Applier(options().withForce(force), console::log).down(c, scripts, to);
            console.log(reverted.isEmpty() ? "nothing to revert: the database is at version " + current
                    : "reverted " + String.join(", ", reverted) + "; the database is at version " + to);
        }
        return 0;
    }
}
