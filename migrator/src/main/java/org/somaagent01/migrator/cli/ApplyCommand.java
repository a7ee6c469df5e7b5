package org.somaagent01.migrator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.somaagent01.migrator.service.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply pending scripts in order, segment by segment (each segment in a transaction with its "
                + "progress), under an advisory lock; a partly applied version is resumed. The container-startup "
                + "command: a no-op when the database is up to date. While an index build, a VALIDATE or a table "
                + "rewrite runs, its progress is shown on stderr (in place on a terminal, a line per phase otherwise, "
                + "JSON lines with --format json; none with --quiet).")
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

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Mixin
    FormatOption output;

    static final FleetRun.Rendering<Migrator.ApplyResult> FLEET = new FleetRun.Rendering<>("apply", r -> 0,
            ApplyCommand::describe, ApplyCommand::json);

    @Override
    int execute() throws Exception {
        if (fleet.active(dsns)) return FleetRun.run(this, fleet, output.json(), seedsDir.dir,
                m -> m.apply(target, allowDestructive, !noSeeds, seedsOnly), FLEET);
        Migrator m = migrator(seedsDir.dir, options());
        // long statements (index builds, VALIDATE, rewrites) report on stderr while they run
        if (!quiet) m = m.withProgress(new ProgressPrinter(console, ProgressPrinter.mode(console, output.json())));
        Migrator.ApplyResult r = m.apply(target, allowDestructive, !noSeeds, seedsOnly);
        if (output.json()) {
            console.result(Json.write(json(r)));
            return 0;
        }
        if (r.scripts() != null) {
            console.log(r.scripts().applied().isEmpty() && r.scripts().adopted().isEmpty()
                    ? "schema is up to date at version " + r.version()
                    : "schema at version " + r.version() + " (applied " + r.scripts().applied().size() + ", adopted "
                    + r.scripts().adopted().size() + ")");
        }
        if (r.seeds() != null) console.log(r.seeds());
        return 0;
    }

    static String describe(Migrator.ApplyResult r) {
        String scripts = r.scripts() == null ? "version " + r.version()
                : "version " + r.version() + " (applied " + r.scripts().applied().size() + ", adopted " + r.scripts().adopted().size() + ")";
        return scripts + (r.seeds() == null ? "" : "; " + r.seeds());
    }

    static Map<String, Object> json(Migrator.ApplyResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", r.version());
        if (r.scripts() != null) {
            json.put("applied", r.scripts().applied());
            json.put("adopted", r.scripts().adopted());
        }
        if (r.seeds() != null) json.put("seeds", r.seeds());
        return json;
    }
}
