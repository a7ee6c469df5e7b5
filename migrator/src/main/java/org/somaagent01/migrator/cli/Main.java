package org.somaagent01.migrator.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.Failures;
import org.somaagent01.migrator.connect.LoginWarmup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar migrator.jar COMMAND}: a thin shell over the store, differ, planner and applier. Every failure
 * ends in one line on stderr and a documented exit code; stack traces only with {@code --verbose}; every line
 * passes through the password mask.
 */
@Command(name = "migrator", mixinStandardHelpOptions = true, version = "sa01 migrator 0.1",
        description = "Schema migrations for somaAgent01 (PostgreSQL + pgvector).",
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage, 3 changes pending/drift, 4 lock not obtained,",
                "5 database unreachable, 6 integrity/checksum, 7 destructive change refused, 8 migration failed,",
                "9 invalid seed data.",
                "Fleet runs (--targets, several --dsn) exit with the first code any database has",
                "in the order 1 6 13 9 8 10 7 11 12 14 2 5 4 3 (README: Fleets)."})
public final class Main implements Runnable {
    /**
     * The commands, in help order. Registered with picocli one by one in {@link #run}: building a command's model
     * is reflection over its annotations, and the container-startup {@code apply} need not pay for the other six.
     * In a holder class so that the paths without picocli ({@link UpToDateApply}, {@link FastDiff}) load none of them.
     */
    private static final class Commands {
        static final Map<String, Class<? extends BaseCommand>> ALL = commands();

        private static Map<String, Class<? extends BaseCommand>> commands() {
            Map<String, Class<? extends BaseCommand>> m = new LinkedHashMap<>();
            m.put("plan", PlanCommand.class);
            m.put("apply", ApplyCommand.class);
            m.put("seed", SeedCommand.class);
            m.put("down", DownCommand.class);
            m.put("status", StatusCommand.class);
            m.put("verify", VerifyCommand.class);
            m.put("diff", DiffCommand.class);
            m.put("generate", GenerateCommand.class);
            m.put("erd", ErdCommand.class);
            m.put("lint", LintCommand.class);
            return m;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // the JDK's built-in locale data instead of CLDR's 1,158 locales, which take 15 ms to set up at every start
        // (each pgjdbc connection builds a Calendar): the migrator formats nothing by locale (its numbers use
        // Locale.ROOT), so its output also stays the same on every host; a -Djava.locale.providers given is kept
        if (System.getProperty("java.locale.providers") == null) {
            System.setProperty("java.locale.providers", "FALLBACK");
        }
        // what a login will need from the JDK is readied while the arguments are read and the socket opens
        LoginWarmup.start();
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command line; returns the exit code. Used by the tests too. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Integer upToDate = UpToDateApply.attempt(args, new Console(out, err, env));
        if (upToDate != null) return upToDate;
        Integer diff = FastDiff.attempt(args, new Console(out, err, env));
        if (diff != null) return diff;
        Console console = new Console(out, err, env);
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            public <K> K create(Class<K> cls) throws Exception {
                K command = CommandLine.defaultFactory().create(cls);
                if (command instanceof BaseCommand base) base.console = console;
                return command;
            }
        });
        // a known command first: register just it; anything else (help, version, a typo): all, for help and suggestions
        String first = args.length > 0 ? args[0] : "";
        Commands.ALL.forEach((name, cls) -> {
            if (!Commands.ALL.containsKey(first) || name.equals(first)) cli.addSubcommand(name, cls);
        });
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            console.error(console.mask(e.getMessage()) + " (see '" + e.getCommandLine().getCommandName() + " --help')");
            return ExitCode.USAGE.code;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, console));
        return cli.execute(args);
    }

    static int handle(Exception e, Console console) {
        // a database error outside a script (the connection lost while waiting for the lock, a privilege missing on
        // the history schema): an environment failure with its own exit code, not a bug
        if (e instanceof java.sql.SQLException sql) {
            e = Failures.classify(sql, "the migrator", "run 'status' to see where the database stands");
        }
        if (e instanceof MigratorException m) {
            console.error(console.mask(m.getMessage()));
            if (console.verbose) console.stackTrace(e);
            return m.exitCode().code;
        }
        console.error("internal error: " + console.mask(e.getClass().getSimpleName() + ": " + e.getMessage())
                + (console.verbose ? "" : " (rerun with --verbose for details)"));
        if (console.verbose) console.stackTrace(e);
        return ExitCode.INTERNAL.code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: " + String.join(", ", Commands.ALL.keySet()));
    }
}
