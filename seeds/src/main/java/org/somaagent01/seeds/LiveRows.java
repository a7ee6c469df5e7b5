package org.somaagent01.seeds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ResultRow;
import org.jetbrains.exposed.v1.jdbc.QueriesKt;

/**
 * The rows a seeded table holds now, found by the keys its conflict clause reacts to. Read with one query per
 * table: catalog tables are small, and matching in Java spares a query per seed row.
 */
final class LiveRows {
    private final List<List<Column<?>>> keys;
    private final Map<List<Column<?>>, Map<List<Object>, ResultRow>> byKey = new HashMap<>();

    private LiveRows(List<List<Column<?>>> keys) {
        this.keys = keys;
    }

    /** Reads the table; call inside an Exposed transaction. */
    static LiveRows read(SeedTable table) {
        LiveRows live = new LiveRows(table.conflictKeys());
        for (List<Column<?>> key : live.keys) live.byKey.put(key, new HashMap<>());
        for (ResultRow row : QueriesKt.selectAll(table.table())) {
            for (List<Column<?>> key : live.keys) {
                live.byKey.get(key).put(key.stream().map(c -> (Object) row.get(c)).toList(), row);
            }
        }
        return live;
    }

    Optional<ResultRow> find(SeedRow seed) {
        for (List<Column<?>> key : keys) {
            ResultRow found = byKey.get(key).get(seed.valuesOf(key));
            if (found != null) return Optional.of(found);
        }
        return Optional.empty();
    }
}
