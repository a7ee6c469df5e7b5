package org.somaagent01.migrator.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, for the commands that offer machine-readable output. */
final class FormatOption {
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    boolean json() { return format == OutputFormat.json; }
}
