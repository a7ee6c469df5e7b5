package org.somaagent01.migrator.model;

import java.util.List;

/** {@code CREATE TYPE name AS ENUM (labels…)}; label order is the sort order. */
public record EnumType(String name, List<String> labels) {
    public EnumType {
        labels = List.copyOf(labels);
    }
}
