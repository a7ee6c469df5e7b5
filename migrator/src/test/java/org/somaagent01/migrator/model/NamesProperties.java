package org.somaagent01.migrator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * The model's maps answer lookups by hash once they are large (from 16 names) and are not copied again: built
 * either way, they must answer every lookup, present or absent, as the sorted tree they are, iterate in name order,
 * equal it, stay unmodifiable, and not follow later changes of the map they were made from.
 */
class NamesProperties {
    @Property(tries = 300)
    void lookupsAnswerAsTheSortedTree(
            @ForAll @Size(max = 60) Set<@AlphaChars @NumericChars @StringLength(min = 1, max = 6) String> names,
            @ForAll @Size(max = 20) List<@AlphaChars @StringLength(min = 1, max = 6) String> probes) {
        TreeMap<String, Integer> tree = new TreeMap<>();
        List<Map.Entry<String, Integer>> items = new ArrayList<>();
        for (String n : names) {
            tree.put(n, tree.size());
            items.add(Map.entry(n, tree.get(n)));
        }
        SortedMap<String, Integer> sorted = Names.sorted(tree);
        SortedMap<String, Map.Entry<String, Integer>> byName = Names.byName(items, Map.Entry::getKey);
        List<String> asked = new ArrayList<>(names);
        asked.addAll(probes);
        for (String key : asked) {
            assertEquals(tree.get(key), sorted.get(key), key);
            assertEquals(tree.containsKey(key), sorted.containsKey(key), key);
            assertEquals(tree.get(key), byName.containsKey(key) ? byName.get(key).getValue() : null, key);
            assertEquals(tree.containsKey(key), byName.containsKey(key), key);
        }
        assertEquals(new ArrayList<>(tree.keySet()), new ArrayList<>(sorted.keySet()), "name order");
        assertEquals(new ArrayList<>(tree.keySet()), new ArrayList<>(byName.keySet()), "name order");
        assertEquals(tree, sorted);
        assertEquals(sorted, tree);
        assertEquals(tree.hashCode(), sorted.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> sorted.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> sorted.entrySet().clear());
        assertSame(sorted, Names.sorted(sorted), "a frozen map is not copied again");
        tree.put("added after", -1);
        assertEquals(null, sorted.get("added after"), "frozen from a copy of the caller's map");
    }
}
