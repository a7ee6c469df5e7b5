package org.somaagent01.migrator.declared;

import java.util.HashMap;
import java.util.Map;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.schema.SomaSchema;
import org.somaagent01.schema.pg.PgEnumType;
import org.somaagent01.schema.pg.PgTable;
import org.somaagent01.schema.pg.SchemaDeclaration;

/** The renames a declaration states ({@code PgTable.previouslyNamed}, {@code @PreviouslyNamed}), for the differ. */
public final class DeclaredRenames {
    private DeclaredRenames() {}

    public static Renames soma() {
        return of(SomaSchema.DECLARATION);
    }

    public static Renames of(SchemaDeclaration declaration) {
        Map<String, String> tables = new HashMap<>();
        Map<String, Map<String, String>> columns = new HashMap<>();
        for (PgTable t : declaration.tables()) {
            if (t.previousName() != null) tables.put(t.getTableName(), t.previousName());
            if (!t.previousColumnNames().isEmpty()) columns.put(t.getTableName(), t.previousColumnNames());
        }
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (PgEnumType<?> e : declaration.enumTypes()) {
            if (!e.previousLabels().isEmpty()) labels.put(e.name(), e.previousLabels());
        }
        return new Renames(tables, columns, labels);
    }
}
