package org.somaagent01.schema.pg;

import java.util.List;

/** Everything one database schema declares: what the migrator turns into its desired-state model. */
public record SchemaDeclaration(
        List<String> extensions,
        List<PgEnumType<?>> enumTypes,
        List<PgTable> tables,
        List<PgFunction> functions,
        List<PgTrigger> triggers) {

    public SchemaDeclaration {
        extensions = List.copyOf(extensions);
        enumTypes = List.copyOf(enumTypes);
        tables = List.copyOf(tables);
        functions = List.copyOf(functions);
        triggers = List.copyOf(triggers);
    }
}
