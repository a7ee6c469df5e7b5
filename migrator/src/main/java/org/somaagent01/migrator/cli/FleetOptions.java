package org.somaagent01.migrator.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --targets FILE} and {@code --parallel N}: the commands that work on a fleet of databases (apply, status, verify, plan). */
final class FleetOptions {
    static final int DEFAULT_PARALLEL = 4;

    @Option(names = "--targets", paramLabel = "FILE", description = "a fleet: one database URL per line ('#' comments); "
            + "with --dsn, both lists; one result line per database and a summary")
    Path targets;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + DEFAULT_PARALLEL,
            description = "fleet: databases worked on at once, each on its own connection (default: ${DEFAULT-VALUE})")
    int parallel;

    /** A fleet run: a targets file, or --dsn more than once. One --dsn (or none) is the single-database command. */
    boolean active(List<String> dsns) {
        return targets != null || dsns.size() > 1;
    }
}
