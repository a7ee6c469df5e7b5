package org.somaagent01.migrator.cli;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.connect.Dsn;
import org.somaagent01.migrator.declared.DeclaredRenames;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.DatabaseDiffer;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.inspect.DatabaseInspector;
import org.somaagent01.migrator.inspect.UnmodelledObjects;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.DatabasePlan;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.plan.PlannedSegment;
import org.somaagent01.migrator.plan.Planner;
import org.somaagent01.migrator.plan.RenderMode;
import org.somaagent01.migrator.plan.Step;
import org.somaagent01.migrator.store.ScriptBody;
import org.somaagent01.migrator.store.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Print the DDL that turns schema FROM into schema TO. A source is a database URL, 'declared' "
                + "(the Exposed objects), 'head' (what the scripts produce) or 'empty'. Default: from the database "
                + "(SA01_DB_DSN / --dsn) to declared, i.e. the drift report. Two databases are compared on every user "
                + "schema (--schema / --exclude-schema narrow it); against declared, head or empty, on the app schema.")
final class DiffCommand extends BaseCommand {
    @Option(names = "--from", paramLabel = "SRC", description = "default: the database")
    String from;

    @Option(names = "--to", paramLabel = "SRC", defaultValue = "declared", description = "default: ${DEFAULT-VALUE}")
    String to;

    @Option(names = "--reverse", description = "print the way back (TO into FROM)")
    boolean reverse;

    @Option(names = "--exit-code", description = "exit 3 when there are differences")
    boolean exitCode;

    @Option(names = "--plain", description = "print the simple forms instead of the lock-safe ones (CONCURRENTLY, NOT VALID + VALIDATE)")
    boolean plain;

    @Mixin
    FormatOption output;

    @Option(names = "--dev-url", paramLabel = "URL", description = DEV_URL_HELP + "; used when a side is 'declared'")
    String devUrl;

    @Mixin
    PrivilegesOption privileges = new PrivilegesOption();

    @Override
    boolean withPrivileges() { return privileges.on; }

    @Mixin
    SchemaOptions schemas = new SchemaOptions();

    /** One side of the comparison: its model, and what it holds that the model cannot express. */
    private record Side(SchemaModel model, List<UnmodelledObjects.Unmodelled> outside, DatabaseModel database) {
        static Side of(SchemaModel model) { return new Side(model, List.of(), null); }
    }

    @Override
    int execute() throws Exception {
        // two databases compare every user schema; a side that is one schema (declared, head, empty) compares the app's
        boolean databases = isDatabase(from) && isDatabase(to);
        // the two sides are read at once, each on its own connection: an inspection mostly waits for its server
        Callable<Side> readA = resolve(from, databases);
        FutureTask<Side> readingB = new FutureTask<>(resolve(to, databases));
        Thread worker = new Thread(readingB, "diff-read-to");
        worker.setDaemon(true);
        worker.start();
        Side a = readA.call();
        Side b = result(readingB);
        // planned once: the segments and (for json) the statements are both read off the steps
        List<Change> changes;
        List<Step> steps;
        boolean empty;
        RenderMode mode = plain ? RenderMode.PLAIN : RenderMode.ONLINE;
        if (databases) {
            DatabasePlan plan = new DatabasePlan(reverse ? DatabaseDiffer.diff(b.database(), a.database())
                    : DatabaseDiffer.diff(a.database(), b.database()));
            changes = plan.changes();
            steps = plan.steps(mode);
            empty = plan.isEmpty();
        } else {
            // declared renames apply when the declared schema is the goal
            Renames renames = "declared".equals(to) ? DeclaredRenames.soma() : Renames.NONE;
            changes = reverse ? Differ.diff(b.model(), a.model()) : Differ.diff(a.model(), b.model(), renames);
            steps = Planner.steps(changes, mode);
            empty = changes.isEmpty();
        }
        List<PlannedSegment> segments = PlannedSegment.of(steps);
        // never a silent "no differences": what the model cannot express is compared by definition and named
        List<String> outside = reverse ? UnmodelledObjects.compare(b.outside(), a.outside())
                : UnmodelledObjects.compare(a.outside(), b.outside());
        if (output.json()) {
            List<String> statements = new java.util.ArrayList<>();
            for (Step s : steps) statements.addAll(s.up());
            // ordered maps: Map.of iterates in an order that changes from one JVM to the next
            List<Map<String, Object>> parts = new java.util.ArrayList<>();
            for (PlannedSegment s : segments) {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("transactional", s.transactional());
                part.put("statements", s.up());
                parts.add(part);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("statements", statements);
            result.put("segments", parts);
            result.put("destructive", new Plan(changes).destructive());
            result.put("outside_the_model", outside);
            console.result(Json.write(result));
        } else {
            for (String o : outside) console.log("warning: " + o);
            if (empty && outside.isEmpty()) console.log("no differences");
            if (!empty) {
                // one write of the whole script, not a flushed println per line (thousands at 1,000 tables)
                String nl = System.lineSeparator();
                StringBuilder script = new StringBuilder(64 * steps.size());
                for (PlannedSegment s : segments) {
                    // the directives make the output a script apply can run as segments
                    if (segments.size() > 1 || !s.transactional()) script.append(ScriptBody.directive(s.transactional())).append(nl);
                    for (String sql : s.up()) script.append(sql).append(';').append(nl);
                }
                if (script.length() > 0) {
                    script.setLength(script.length() - nl.length());
                    console.result(script.toString());
                }
            }
        }
        return exitCode && (!empty || !outside.isEmpty()) ? ExitCode.CHANGES_PENDING.code : 0;
    }

    private static boolean isDatabase(String source) {
        return source == null || !List.of("declared", "head", "empty").contains(source);
    }

    /** How to read a side; a database URL is parsed (and its password registered for masking) here, up front. */
    private Callable<Side> resolve(String source, boolean databases) {
        if (source == null) {
            Dsn main = dsn();
            return () -> inspect(main, databases);
        }
        switch (source) {
            case "declared": return () -> Side.of(declared(devUrl));
            case "head": return () -> Side.of(Snapshots.head(scripts()));
            case "empty": return () -> Side.of(SchemaModel.EMPTY);
            default:
                Dsn other = Dsn.parse(source);
                console.secrets = console.secrets.and(other);
                return () -> inspect(other, databases);
        }
    }

    /** The side read on the worker thread, its failure rethrown as it was thrown there. */
    private static Side result(FutureTask<Side> reading) throws Exception {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    private Side inspect(Dsn target, boolean databases) throws Exception {
        try (Connection c = connector().connect(target)) {
            String history = options().historySchema();
            if (databases) {
                DatabaseInspector inspector = new DatabaseInspector(schemas.filter(), history).withPrivileges(privileges.on);
                DatabaseModel model = inspector.inspect(c);
                return new Side(null, UnmodelledObjects.findIn(c, List.copyOf(model.schemas().keySet()), history, privileges.on), model);
            }
            List<UnmodelledObjects.Unmodelled> outside = new UnmodelledObjects(options().appSchema(), history).withPrivileges(privileges.on).find(c)
                    .stream().filter(u -> !u.kind().equals("other schema") || schemas.filter().selects(u.name())).toList();
            return new Side(new CatalogInspector(options().appSchema()).withPrivileges(privileges.on).inspect(c), outside, null);
        }
    }
}
