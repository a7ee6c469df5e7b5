package org.somaagent01.migrator.cli;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.history.AppliedVersion;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.store.MigrationScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Current version, applied scripts (when, how, checksum ok?) and pending scripts.")
final class StatusCommand extends BaseCommand {
    @Mixin
    FormatOption output;

    @Override
    int execute() throws Exception {
        List<MigrationScript> scripts = scripts();
        List<AppliedVersion> applied;
        try (Connection c = connect()) {
            applied = new SchemaHistory(historySchema).read(c);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MigrationScript s : scripts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", s.version());
            row.put("name", s.name());
            AppliedVersion a = applied.stream().filter(v -> v.version() == s.version()).findFirst().orElse(null);
            row.put("state", a == null ? "pending" : a.how());
            if (a != null) {
                row.put("applied_at", a.appliedAt().toString());
                row.put("applied_by", a.appliedBy());
                row.put("duration_ms", a.durationMs());
                row.put("checksum_ok", a.checksum().equals(s.checksum()));
            }
            rows.add(row);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", applied.size());
        status.put("head", scripts.size());
        status.put("scripts", rows);
        if (output.json()) {
            console.result(Json.write(status));
        } else {
            console.result("version " + applied.size() + " of " + scripts.size());
            for (Map<String, Object> r : rows) {
                console.result(String.format("%04d %-30s %-8s %s%s", r.get("version"), r.get("name"), r.get("state"),
                        r.getOrDefault("applied_at", ""), Boolean.FALSE.equals(r.get("checksum_ok")) ? "  CHECKSUM MISMATCH" : ""));
            }
        }
        return 0;
    }
}
