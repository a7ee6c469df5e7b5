package org.somaagent01.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.lint.Linter;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.declared.DeclaredRenames;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.generate.ScriptGenerator;
import org.somaagent01.migrator.plan.RenderMode;
import org.somaagent01.migrator.store.ScriptStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Diff the declared schema against the newest snapshot and write the next numbered script "
                + "(up, down, snapshot) into the script directory. --check only reports (exit 3 when changes are "
                + "not generated yet), for CI.")
final class GenerateCommand extends BaseCommand {
    static final Path DEFAULT_DIR = Path.of("migrator", "src", "main", "resources", "db", "migration");

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "script name, e.g. add_user_locale")
    String name;

    @Option(names = "--check", description = "write nothing; exit 3 if the declared schema has ungenerated changes")
    boolean check;

    @Option(names = "--dev-url", paramLabel = "URL", description = DEV_URL_HELP)
    String devUrl;

    @Option(names = "--plain", description = "write the simple forms (CREATE INDEX, ADD CONSTRAINT validating at once, "
            + "SET NOT NULL scanning under its lock) instead of the lock-safe ones; for tables no one uses yet")
    boolean plain;

    @Option(names = "--rehash", description = "rewrite migrations.sum after a deliberate, reviewed edit of a script")
    boolean rehash;

    // declared schemas grant nothing beyond the defaults: taken so that generate accepts the options diff and plan take
    @picocli.CommandLine.Mixin
    PrivilegesOption privileges = new PrivilegesOption();

    @Override
    boolean withPrivileges() { return privileges.on; }

    @Override
    int execute() throws Exception {
        Path target = dir != null ? dir : DEFAULT_DIR;
        if (!Files.isDirectory(target) && dir == null) {
            throw new MigratorException(ExitCode.USAGE, "no script directory at " + target.toAbsolutePath()
                    + "; run from the repository root or pass --dir");
        }
        if (rehash) {
            ScriptStore.rehash(target);
            console.log("rewrote " + target.resolve("migrations.sum"));
            return 0;
        }
        if (check) {
            List<Change> pending = ScriptGenerator.pending(target, declared(devUrl), DeclaredRenames.soma());
            if (pending.isEmpty()) {
                console.log("scripts are up to date with the declared schema");
                return 0;
            }
            console.result(pending.size() + " declared change(s) have no script yet; run 'generate NAME'");
            return ExitCode.CHANGES_PENDING.code;
        }
        if (name == null) throw new MigratorException(ExitCode.USAGE, "generate needs a NAME, e.g. 'generate add_user_locale'");
        ScriptGenerator.Result r = ScriptGenerator.generate(target, name, declared(devUrl), DeclaredRenames.soma(),
                plain ? RenderMode.PLAIN : RenderMode.ONLINE);
        if (r.written() == null) {
            console.log("no changes: the declared schema equals the newest snapshot; nothing written");
        } else {
            console.result("wrote " + target.resolve(r.written()) + ".{up.sql,down.sql,snapshot.json} ("
                    + r.changes().size() + " changes)");
            String upFile = r.written() + ".up.sql";
            List<String> lint = Linter.findingLines(upFile, Files.readString(target.resolve(upFile)));
            console.log("lint: " + (lint.isEmpty() ? "no lock or rewrite hazards" : lint.size() + " finding(s)"));
            for (String l : lint) console.log("  " + l);
        }
        return 0;
    }
}
