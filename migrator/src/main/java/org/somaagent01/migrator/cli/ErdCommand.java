package org.somaagent01.migrator.cli;

import java.sql.Connection;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.erd.MermaidErd;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.SchemaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "erd", mixinStandardHelpOptions = true,
        description = "Print the declared schema (or, with --dsn, a live database) as a Mermaid erDiagram: every "
                + "table with its key columns (PK, FK, UK) and every foreign key with its cardinality.")
final class ErdCommand extends BaseCommand {
    @Option(names = "--all-columns", description = "every column, not only the key columns")
    boolean allColumns;

    @Override
    int execute() throws Exception {
        // SA01_DB_DSN alone does not switch to a live database: the default is the declared schema, as the README shows
        SchemaModel model;
        if (dsns.isEmpty()) {
            model = DeclaredSchema.soma();
        } else {
            try (Connection c = connect()) {
                model = new CatalogInspector(options().appSchema()).inspect(c);
            }
        }
        console.out.print(MermaidErd.render(model, new MermaidErd.Options(!allColumns)));
        return 0;
    }
}
