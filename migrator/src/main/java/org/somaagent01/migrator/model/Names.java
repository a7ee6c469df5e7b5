package org.somaagent01.migrator.model;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Helpers that keep model maps sorted, unmodifiable and free of duplicate names. */
final class Names {
    private Names() {}

    static <T> SortedMap<String, T> sorted(Map<String, T> map) {
        return Collections.unmodifiableSortedMap(Indexed.of(new TreeMap<>(map)));
    }

    static <T> SortedMap<String, T> byName(Collection<T> items, Function<T, String> name) {
        TreeMap<String, T> map = new TreeMap<>();
        for (T item : items) {
            if (map.put(name.apply(item), item) != null) {
                throw new IllegalArgumentException("two objects named " + name.apply(item));
            }
        }
        return Collections.unmodifiableSortedMap(Indexed.of(map));
    }

    /**
     * A sorted map, no longer changed, that also answers {@code get} and {@code containsKey} by hash: the differ
     * looks up every table of one side in the other, and a tree of 1,000 names costs ten string comparisons a lookup.
     * Small maps (a table's constraints and indexes) stay plain trees.
     */
    private static final class Indexed<T> extends TreeMap<String, T> {
        private static final int MIN_SIZE = 16;
        private final Map<String, T> byHash;

        private Indexed(TreeMap<String, T> sorted) {
            super(sorted);
            byHash = new HashMap<>(sorted);
        }

        static <T> TreeMap<String, T> of(TreeMap<String, T> sorted) {
            return sorted.size() < MIN_SIZE ? sorted : new Indexed<>(sorted);
        }

        @Override
        public T get(Object key) {
            return byHash.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return byHash.containsKey(key);
        }
    }
}
