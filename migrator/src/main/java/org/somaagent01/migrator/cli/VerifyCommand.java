package org.somaagent01.migrator.cli;

import java.util.List;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.model.SchemaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check applied scripts' checksums, the live schema against the expected snapshot, and the "
                + "declared schema against the newest snapshot. Exit 6 on a checksum mismatch, 3 on drift or a partly "
                + "applied version.")
final class VerifyCommand extends BaseCommand {
    @Mixin
    FormatOption output;

    @Option(names = "--dev-url", paramLabel = "URL", description = DEV_URL_HELP)
    String devUrl;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Mixin
    PrivilegesOption privileges = new PrivilegesOption();

    @Override
    boolean withPrivileges() { return privileges.on; }

    @Override
    int execute() throws Exception {
        if (fleet.active(dsns)) {
            // one declared model for the whole fleet (immutable), built before any worker starts
            SchemaModel declared = declared(devUrl);
            return FleetRun.run(this, fleet, output.json(), null, m -> m.verify(() -> declared),
                    new FleetRun.Rendering<List<String>>("verify",
                            p -> p.isEmpty() ? 0 : ExitCode.CHANGES_PENDING.code,
                            p -> p.isEmpty() ? "checksums, live schema and declared schema all match"
                                    : p.size() + " problem" + (p.size() == 1 ? "" : "s") + ": " + String.join("; ", p),
                            p -> java.util.Map.of("ok", p.isEmpty(), "problems", p)));
        }
        List<String> problems = migrator(null, options()).verify(() -> declared(devUrl));
        if (output.json()) {
            console.result(Json.write(java.util.Map.of("ok", problems.isEmpty(), "problems", problems)));
        } else {
            for (String p : problems) console.result(p);
            if (problems.isEmpty()) console.result("ok: checksums, live schema and declared schema all match");
        }
        return problems.isEmpty() ? 0 : ExitCode.CHANGES_PENDING.code;
    }
}
