package org.somaagent01.migrator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.service.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Current version, applied scripts (when, how, checksum ok?), a partly applied version (which "
                + "segments, the error that stopped it) and pending scripts.")
final class StatusCommand extends BaseCommand {
    @Mixin
    FormatOption output;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    static final FleetRun.Rendering<Migrator.Status> FLEET = new FleetRun.Rendering<>("status", s -> 0,
            s -> s.summary() + pendingText(s), StatusCommand::fleetJson);

    @Override
    int execute() throws Exception {
        if (fleet.active(dsns)) return FleetRun.run(this, fleet, output.json(), null, Migrator::status, FLEET);
        Migrator.Status status = migrator(null, options()).status();
        if (output.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Migrator.StatusRow r : status.scripts()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("version", r.version());
                row.put("name", r.name());
                row.put("state", r.state());
                if (r.appliedAt() != null) row.put("applied_at", r.appliedAt());
                if (r.appliedBy() != null) row.put("applied_by", r.appliedBy());
                if (r.durationMs() != null) row.put("duration_ms", r.durationMs());
                if (r.checksumOk() != null) row.put("checksum_ok", r.checksumOk());
                if (r.detail() != null) row.put("detail", r.detail());
                rows.add(row);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", status.version());
            json.put("head", status.head());
            if (status.partial() != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("version", status.partial().version());
                p.put("segments_done", status.partial().segmentsDone());
                p.put("segments_total", status.partial().segmentsTotal());
                p.put("in_flight", status.partial().inFlight());
                p.put("direction", status.partial().direction());
                p.put("last_error", status.partial().lastError());
                json.put("partial", p);
            }
            json.put("scripts", rows);
            console.result(Json.write(json));
            return 0;
        }
        console.result(status.summary());
        for (Migrator.StatusRow r : status.scripts()) {
            console.result(String.format("%04d %-30s %-8s %s%s%s", r.version(), r.name(), r.state(),
                    r.appliedAt() == null ? "" : r.appliedAt(), Boolean.FALSE.equals(r.checksumOk()) ? "  CHECKSUM MISMATCH" : "",
                    r.detail() == null ? "" : "  " + r.detail()));
        }
        return 0;
    }

    private static String pendingText(Migrator.Status s) {
        long pending = s.scripts().stream().filter(r -> r.state().equals("pending")).count();
        long mismatched = s.scripts().stream().filter(r -> Boolean.FALSE.equals(r.checksumOk())).count();
        return (pending > 0 ? ", " + pending + " pending" : "") + (mismatched > 0 ? ", " + mismatched + " CHECKSUM MISMATCH" : "");
    }

    /** A fleet's per-database status: the version, and the scripts that are not applied or differ. */
    private static Map<String, Object> fleetJson(Migrator.Status s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", s.version());
        json.put("head", s.head());
        if (s.partial() != null) json.put("partial", s.partial().describe());
        json.put("pending", s.scripts().stream().filter(r -> r.state().equals("pending")).map(Migrator.StatusRow::version).toList());
        json.put("checksum_mismatch", s.scripts().stream().filter(r -> Boolean.FALSE.equals(r.checksumOk()))
                .map(Migrator.StatusRow::version).toList());
        return json;
    }
}
