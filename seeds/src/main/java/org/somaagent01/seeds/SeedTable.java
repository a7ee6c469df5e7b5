package org.somaagent01.seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jetbrains.exposed.v1.core.Column;
import org.somaagent01.schema.MultimodalCapabilities;
import org.somaagent01.schema.Prompts;
import org.somaagent01.schema.ToolCatalog;
import org.somaagent01.schema.pg.PgTable;

/** A seeded table: its schema-dsl object, its data file {@code <table>.json}, and how it meets existing rows. */
record SeedTable(PgTable table, ConflictPolicy policy) {

    private static final MultimodalCapabilities CAPS = MultimodalCapabilities.TABLE;

    /**
     * The seeded tables, in the order they are written. The policies are those of the legacy init scripts:
     * {@code tool_catalog.sql} and {@code 018_prompts.sql} insert if absent ({@code ON CONFLICT … DO NOTHING}),
     * {@code 017_multimodal_schema.sql} refreshes the catalog columns of the built-in capabilities.
     * The legacy prompts seed named {@code name} as its conflict target; the seeder skips a row on a conflict with
     * any unique key (id or name), so a prompt an operator renamed keeps its new name instead of failing the seed.
     */
    static final List<SeedTable> ALL = List.of(
            new SeedTable(ToolCatalog.TABLE, new ConflictPolicy.KeepExisting()),
            new SeedTable(CAPS, new ConflictPolicy.UpdateCatalog(
                    List.of(CAPS.modalities, CAPS.constraints, CAPS.inputSchema, CAPS.outputSchema,
                            CAPS.displayName, CAPS.description),
                    CAPS.updatedAt)),
            new SeedTable(Prompts.TABLE, new ConflictPolicy.KeepExisting()));

    String name() { return table.getTableName(); }

    String fileName() { return name() + ".json"; }

    List<Column<?>> primaryKey() { return List.of(table.getPrimaryKey().getColumns()); }

    /** Every key an existing row can be matched by: the primary key first, then each unique constraint. */
    List<List<Column<?>>> uniqueKeys() {
        List<List<Column<?>>> keys = new ArrayList<>();
        keys.add(primaryKey());
        for (List<String> names : table.uniqueConstraints().values()) {
            keys.add(names.stream().<Column<?>>map(n -> column(n).orElseThrow()).toList());
        }
        return keys;
    }

    /**
     * The keys a conflict is detected on: {@code ON CONFLICT DO NOTHING} (no target) skips a row that collides on
     * any unique key; {@code ON CONFLICT (primary key) DO UPDATE} reacts to the primary key only.
     */
    List<List<Column<?>>> conflictKeys() {
        return policy instanceof ConflictPolicy.KeepExisting ? uniqueKeys() : List.of(primaryKey());
    }

    Optional<Column<?>> column(String name) {
        return table.getColumns().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** NOT NULL without a database default: a data file row must give it. */
    boolean required(Column<?> column) {
        return !column.getColumnType().getNullable() && table.sqlDefault(column) == null;
    }
}
