package org.somaagent01.migrator.model;

import java.util.List;

public record ForeignKeyModel(String name, List<String> columns, String targetTable, List<String> targetColumns,
                              ForeignKeyAction onDelete, ForeignKeyAction onUpdate) {
    public ForeignKeyModel {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }
}
