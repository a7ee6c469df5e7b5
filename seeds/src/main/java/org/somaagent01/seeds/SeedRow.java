package org.somaagent01.seeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jetbrains.exposed.v1.core.Column;

/**
 * One validated row of a data file: the columns it sets (in file order) with the Java values the Exposed columns
 * take. Columns it leaves out get their database default on insert.
 */
record SeedRow(int index, Map<Column<?>, Object> values) {

    SeedRow(int index, Map<Column<?>, Object> values) {
        this.index = index;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // values may be null: no Map.copyOf
    }

    /** The values of {@code columns}, null where the row leaves a column out. */
    List<Object> valuesOf(List<Column<?>> columns) {
        List<Object> out = new ArrayList<>(columns.size());
        for (Column<?> c : columns) out.add(values.get(c));
        return out;
    }

    /** The key as a reader would name the row, e.g. {@code dalle3_image_gen/openai}. */
    String describe(List<Column<?>> key) {
        return valuesOf(key).stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    /** The key with its column names, as an error message names the row: {@code tool_id=dalle3_image_gen, provider=openai}. */
    String describeNamed(List<Column<?>> key) {
        return key.stream().map(c -> c.getName() + "=" + values.get(c)).collect(Collectors.joining(", "));
    }
}
