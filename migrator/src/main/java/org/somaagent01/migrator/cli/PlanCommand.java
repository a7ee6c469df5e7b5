package org.somaagent01.migrator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.apply.SessionSettings;
import org.somaagent01.migrator.lint.Linter;
import org.somaagent01.migrator.service.Migrator;
import org.somaagent01.migrator.store.Segment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the SQL that 'apply' would run now (a partly applied version from its next segment), the "
                + "data it would destroy, and drift warnings. With --offline: the whole DDL from an empty database to the "
                + "newest version, without a database.")
final class PlanCommand extends BaseCommand {
    @Option(names = "--offline", description = "no database: print every up script")
    boolean offline;

    @Mixin
    SeedsDirOption seedsDir = new SeedsDirOption();

    @Mixin
    FormatOption output;

    @Option(names = "--exit-code", description = "exit 3 when scripts are pending or the live schema drifted")
    boolean exitCode;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Mixin
    PrivilegesOption privileges = new PrivilegesOption();

    @Override
    boolean withPrivileges() { return privileges.on; }

    @Override
    int execute() throws Exception {
        if (fleet.active(dsns)) {
            if (offline) throw new org.somaagent01.migrator.MigratorException(ExitCode.USAGE,
                    "--offline needs no database: drop --targets and the extra --dsn");
            return FleetRun.run(this, fleet, output.json(), seedsDir.dir, m -> m.plan(false),
                    new FleetRun.Rendering<>("plan", this::code, PlanCommand::fleetText, PlanCommand::fleetJson));
        }
        Migrator.PlanResult plan = migrator(seedsDir.dir, options()).plan(offline);
        if (output.json()) {
            console.result(Json.write(json(plan, true)));
            return code(plan);
        }
        for (String d : plan.drift()) console.log("warning: drift: " + d);
        if (plan.adoptAt() > 0) console.log("the existing schema equals version " + plan.adoptAt()
                + ": apply will adopt it (record the history, run no DDL for it)");
        if (plan.pending().isEmpty()) console.log("nothing to apply: the database is at the newest version");
        for (Migrator.PlannedVersion p : plan.pending()) {
            if (p.fromSegment() > 1) console.result("-- " + p.script().id() + ": segments 1-" + (p.fromSegment() - 1)
                    + " of " + p.script().segmentCount() + " are applied; apply resumes here");
            if (!p.dataLoss().isEmpty()) console.result("-- destroys data (apply refuses without --allow-destructive): "
                    + String.join(", ", p.dataLoss()));
            console.result(p.fromSegment() == 1 ? p.script().upSql() : sql(p));
            List<String> lint = Linter.findingLines(p.script().id() + ".up.sql", p.script().upSql());
            console.result("-- lint: " + (lint.isEmpty() ? "no lock or rewrite hazards" : String.join("\n--   ", lint)));
        }
        console.result("-- seeds: " + plan.seeds().replace("\n", "\n--        "));
        return code(plan);
    }

    private static String sql(Migrator.PlannedVersion p) {
        if (p.fromSegment() == 1) return p.script().upSql();
        StringBuilder sb = new StringBuilder();
        List<String> replayed = SessionSettings.statements(p.script().up().segments().subList(0, p.fromSegment() - 1));
        if (!replayed.isEmpty()) sb.append("-- replayed first: the session settings of the applied segments\n");
        for (String sql : replayed) sb.append(sql).append(";\n");
        for (Segment s : p.segments()) sb.append(s.sql());
        return sb.toString();
    }

    /** A fleet's per-database plan: what is pending, drift, seeds; the SQL itself only in a single-database plan. */
    private static String fleetText(Migrator.PlanResult plan) {
        String pending = plan.pending().isEmpty() ? "nothing to apply" : plan.pending().size() + " pending: "
                + String.join(", ", plan.pending().stream().map(p -> p.script().id()
                + (p.fromSegment() > 1 ? " from segment " + p.fromSegment() : "")
                + (p.dataLoss().isEmpty() ? "" : " (destroys data: " + String.join(", ", p.dataLoss()) + ")")).toList());
        return "version " + plan.version() + (plan.adoptAt() > 0 ? ", adopts " + plan.adoptAt() : "") + ", " + pending
                + (plan.drift().isEmpty() ? "" : ", drift: " + String.join("; ", plan.drift()))
                + "; " + plan.seeds().replace("\n", "; ");
    }

    private static Map<String, Object> fleetJson(Migrator.PlanResult plan) {
        return json(plan, false);
    }

    /** The plan as JSON; a fleet's per-database entry leaves out the SQL. */
    private static Map<String, Object> json(Migrator.PlanResult plan, boolean withSql) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Migrator.PlannedVersion p : plan.pending()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("version", p.script().version());
            item.put("name", p.script().name());
            item.put("from_segment", p.fromSegment());
            item.put("segments", p.script().segmentCount());
            item.put("destructive", p.destructive());
            item.put("data_loss", p.dataLoss());
            if (withSql) item.put("sql", sql(p));
            items.add(item);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", plan.version());
        if (plan.adoptAt() > 0) json.put("adopt", plan.adoptAt());
        json.put("pending", items);
        json.put("drift", plan.drift());
        json.put("seeds", plan.seeds());
        return json;
    }

    private int code(Migrator.PlanResult plan) {
        return exitCode && (!plan.pending().isEmpty() || !plan.drift().isEmpty()) ? ExitCode.CHANGES_PENDING.code : 0;
    }
}
