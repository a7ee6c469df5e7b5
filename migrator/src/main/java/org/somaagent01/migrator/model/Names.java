package org.somaagent01.migrator.model;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Helpers that keep model maps sorted, unmodifiable and free of duplicate names. */
final class Names {
    private Names() {}

    /** {@code map} sorted by name and frozen; a map this class froze already is returned as it is. */
    static <T> SortedMap<String, T> sorted(Map<String, T> map) {
        if (map instanceof Frozen<T> frozen) return frozen;
        return new Frozen<>(new TreeMap<>(map));
    }

    static <T> SortedMap<String, T> byName(Collection<T> items, Function<T, String> name) {
        TreeMap<String, T> map = new TreeMap<>();
        for (T item : items) {
            if (map.put(name.apply(item), item) != null) {
                throw new IllegalArgumentException("two objects named " + name.apply(item));
            }
        }
        return new Frozen<>(map);
    }

    /**
     * A model map: sorted by name, unmodifiable, and never copied again (every {@code with…} of a model passes its
     * maps through {@link #sorted}, which took most of building 1,000 table models). From 16 names on it also answers
     * {@code get} and {@code containsKey} by hash: the differ looks every table of one side up in the other, and a
     * tree of 1,000 names costs ten string comparisons a lookup.
     */
    private static final class Frozen<T> extends AbstractMap<String, T> implements SortedMap<String, T> {
        private static final int INDEXED_FROM = 16;
        private final SortedMap<String, T> view;
        private final Map<String, T> byHash;

        /** Takes {@code tree}, which nobody else may hold. */
        Frozen(TreeMap<String, T> tree) {
            this.view = Collections.unmodifiableSortedMap(tree);
            this.byHash = tree.size() < INDEXED_FROM ? null : new HashMap<>(tree);
        }

        @Override
        public T get(Object key) {
            return byHash == null ? view.get(key) : byHash.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return byHash == null ? view.containsKey(key) : byHash.containsKey(key);
        }

        @Override public int size() { return view.size(); }
        @Override public boolean isEmpty() { return view.isEmpty(); }
        @Override public Set<Map.Entry<String, T>> entrySet() { return view.entrySet(); }
        @Override public Set<String> keySet() { return view.keySet(); }
        @Override public Collection<T> values() { return view.values(); }
        @Override public Comparator<? super String> comparator() { return view.comparator(); }
        @Override public SortedMap<String, T> subMap(String from, String to) { return view.subMap(from, to); }
        @Override public SortedMap<String, T> headMap(String to) { return view.headMap(to); }
        @Override public SortedMap<String, T> tailMap(String from) { return view.tailMap(from); }
        @Override public String firstKey() { return view.firstKey(); }
        @Override public String lastKey() { return view.lastKey(); }
        @Override public boolean equals(Object o) { return view.equals(o); }
        @Override public int hashCode() { return view.hashCode(); }
    }
}
