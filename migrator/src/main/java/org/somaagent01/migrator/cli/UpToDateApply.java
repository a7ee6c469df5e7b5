package org.somaagent01.migrator.cli;

import java.sql.Connection;
import java.util.List;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.connect.Connector;
import org.somaagent01.migrator.connect.Dsn;
import org.somaagent01.migrator.connect.Secrets;
import org.somaagent01.migrator.history.HistoryState;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.history.SeedHistory;
import org.somaagent01.migrator.service.Migrator;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.seeds.SeedFiles;

/**
 * The container-start case without the command-line framework: {@code apply} (with at most {@code --dsn},
 * {@code --no-seeds}, {@code -q}) on a database that is up to date, answered with the history and seed-fingerprint
 * queries. picocli costs about a third of a no-op apply's start-up; this path loads none of it. It only ever
 * concludes "nothing to do": when anything is pending, partial or unusual it steps aside and the full command runs,
 * and its errors go through the same handler with the same exit codes.
 */
final class UpToDateApply {
    private record Args(String dsn, boolean noSeeds, boolean quiet) {}

    private UpToDateApply() {}

    /** The exit code when this path decided, or null when the full command must run. */
    static Integer attempt(String[] args, Console console) {
        Args a = parse(args);
        if (a == null) return null;
        console.quiet = a.quiet();
        // printed only once this path decides: when it steps aside, the full command says them itself
        List<String> warnings = new java.util.ArrayList<>();
        try {
            Dsn dsn = Dsn.fromEnvironment(a.dsn(), console.env, warnings::add);
            console.secrets = Secrets.of(dsn);
            List<MigrationScript> scripts = ScriptStore.load(ScriptSource.classpath(ScriptStore.CLASSPATH_PREFIX));
            try (Connection c = new Connector(Connector.Backoff.DEFAULT, Connector.DEFAULT_CONNECT_TIMEOUT, console::log).connect(dsn)) {
                HistoryState state = new SchemaHistory("migrator").state(c);
                if (!Applier.upToDate(state, scripts.size())) return null;
                Applier.checkApplied(state, scripts);
                boolean seedsCurrent = a.noSeeds() || SeedFiles.fingerprint().equals(new SeedHistory("migrator").lastFingerprint(c));
                if (!seedsCurrent) return null;
            }
            warnings.forEach(console::log);
            console.log("schema is up to date at version " + scripts.size());
            if (!a.noSeeds()) console.log(Migrator.SEEDS_UNCHANGED);
            return 0;
        } catch (MigratorException | java.sql.SQLException e) {
            warnings.forEach(console::log);
            return Main.handle(e, console);
        }
    }

    private static Args parse(String[] args) {
        if (args.length == 0 || !args[0].equals("apply")) return null;
        String dsn = null;
        boolean noSeeds = false;
        boolean quiet = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-seeds")) noSeeds = true;
            else if (arg.equals("-q") || arg.equals("--quiet")) quiet = true;
            else if (arg.equals("--dsn") && i + 1 < args.length && dsn == null) dsn = args[++i];
            else if (arg.startsWith("--dsn=") && dsn == null) dsn = arg.substring("--dsn=".length());
            else return null;
        }
        return new Args(dsn, noSeeds, quiet);
    }
}
