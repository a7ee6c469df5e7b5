package org.somaagent01.migrator.model;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the declaration says was renamed; the differ never guesses a rename from a drop plus an add.
 * All maps go from the new name to the old one, the way a declaration reads ("this is what used to be called").
 * A hint applies only when the old name exists on the {@code from} side and the new one does not.
 *
 * <p>{@code enumLabels} maps, per enum type, an old label to the label its rows now carry. If that label is new,
 * the old one is renamed in place; if it already existed, the old label is removed and its rows converted
 * (a type swap with this mapping).
 */
public record Renames(
        SortedMap<String, String> tables,
        SortedMap<String, SortedMap<String, String>> columns,
        SortedMap<String, SortedMap<String, String>> enumLabels) {

    public static final Renames NONE = new Renames(Map.of(), Map.of(), Map.of());

    public Renames(Map<String, String> tables, Map<String, ? extends Map<String, String>> columns,
                   Map<String, ? extends Map<String, String>> enumLabels) {
        this(Names.sorted(tables), nested(columns), nested(enumLabels));
    }

    public Renames {
        tables = Names.sorted(tables);
        columns = nested(columns);
        enumLabels = nested(enumLabels);
    }

    /** New column name → old one, for the table with this (new) name. */
    public Map<String, String> columnsOf(String table) {
        return columns.getOrDefault(table, Names.sorted(Map.of()));
    }

    /** Old label → label whose rows replace it, for this enum type. */
    public Map<String, String> labelsOf(String enumType) {
        return enumLabels.getOrDefault(enumType, Names.sorted(Map.of()));
    }

    private static SortedMap<String, SortedMap<String, String>> nested(Map<String, ? extends Map<String, String>> map) {
        TreeMap<String, SortedMap<String, String>> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, Names.sorted(v)));
        return java.util.Collections.unmodifiableSortedMap(out);
    }
}
