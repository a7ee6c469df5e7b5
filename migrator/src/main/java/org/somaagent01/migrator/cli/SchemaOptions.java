package org.somaagent01.migrator.cli;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.inspect.DatabaseInspector.SchemaFilter;
import picocli.CommandLine.Option;

/** {@code --schema} / {@code --exclude-schema}: which schemas of a database a comparison covers. */
final class SchemaOptions {
    @Option(names = "--schema", paramLabel = "NAME",
            description = "compare only this schema (repeatable; default: every user schema)")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME", description = "leave this schema out (repeatable)")
    List<String> exclude = new ArrayList<>();

    SchemaFilter filter() { return new SchemaFilter(include, exclude); }
}
