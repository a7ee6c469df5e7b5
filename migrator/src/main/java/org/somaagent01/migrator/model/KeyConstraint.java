package org.somaagent01.migrator.model;

import java.util.List;

/** A primary key or unique constraint: a name and its columns in order. */
public record KeyConstraint(String name, List<String> columns) {
    public KeyConstraint {
        columns = List.copyOf(columns);
    }
}
