package org.somaagent01.migrator.cli;

import java.sql.Connection;
import org.somaagent01.migrator.apply.Applier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply pending scripts in order (each in a transaction, under an advisory lock). "
                + "The container-startup command: a no-op when the database is up to date.")
final class ApplyCommand extends BaseCommand {
    @Option(names = "--target", paramLabel = "N", description = "stop at version N instead of the newest")
    Integer target;

    @Option(names = "--allow-destructive", description = "allow scripts that drop tables, columns, types or enum values")
    boolean allowDestructive;

    @Override
    int execute() throws Exception {
        var scripts = scripts();
        try (Connection c = connect()) {
            Applier.Result r = new Applier(options().withAllowDestructive(allowDestructive), console::log).apply(c, scripts, target);
            if (r.applied().isEmpty() && r.adopted().isEmpty()) {
                console.log("schema is up to date at version " + r.version());
            } else {
                console.log("schema at version " + r.version() + " (applied " + r.applied().size()
                        + ", adopted " + r.adopted().size() + ")");
            }
        }
        return 0;
    }
}
