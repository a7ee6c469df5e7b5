package org.somaagent01.migrator.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Helpers that keep model maps sorted, unmodifiable and free of duplicate names. */
final class Names {
    private Names() {}

    static <T> SortedMap<String, T> sorted(Map<String, T> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    static <T> SortedMap<String, T> byName(Collection<T> items, Function<T, String> name) {
        TreeMap<String, T> map = new TreeMap<>();
        for (T item : items) {
            if (map.put(name.apply(item), item) != null) {
                throw new IllegalArgumentException("two objects named " + name.apply(item));
            }
        }
        return Collections.unmodifiableSortedMap(map);
    }
}
