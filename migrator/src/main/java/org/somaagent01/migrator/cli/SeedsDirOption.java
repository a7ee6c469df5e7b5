package org.somaagent01.migrator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --seeds-dir}: a site's own seed data files instead of the shipped ones (apply, seed, plan). */
final class SeedsDirOption {
    @Option(names = "--seeds-dir", paramLabel = "PATH",
            description = "seed data files to use instead of the shipped ones (<table>.json per seeded table)")
    Path dir;
}
