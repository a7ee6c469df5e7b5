package org.somaagent01.migrator.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A view or materialized view. {@code definition} is {@code pg_get_viewdef}'s text (without the final semicolon);
 * {@code options} its {@code WITH (…)} options ({@code security_invoker=true}, {@code check_option=local}).
 * {@code reads} is what it depends on, as PostgreSQL records it in {@code pg_depend}: {@code relation.column} for
 * each column it reads and {@code relation} for a relation it reads no column of, sorted. The differ uses it to drop
 * a view before a column it reads changes type or goes, and to order views over views.
 */
public record ViewModel(String name, boolean materialized, String definition, SortedMap<String, String> options,
                        List<String> reads,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                        SortedMap<String, IndexModel> indexes,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                        SortedMap<String, TriggerModel> triggers) {

    public ViewModel(String name, boolean materialized, String definition, Map<String, String> options,
                     List<String> reads) {
        this(name, materialized, definition, Names.sorted(options == null ? Map.of() : options), reads, null, null);
    }

    public ViewModel(String name, boolean materialized, String definition, SortedMap<String, String> options,
                     List<String> reads) {
        this(name, materialized, definition, options, reads, null, null);
    }

    /** This (materialized) view with the given indexes, which are created after it and go with it. */
    public ViewModel withIndexes(java.util.Collection<IndexModel> list) {
        return new ViewModel(name, materialized, definition, options, reads, Names.byName(list, IndexModel::name), triggers);
    }

    /** This view with the given triggers (INSTEAD OF, on a view), which are created after it and go with it. */
    public ViewModel withTriggers(java.util.Collection<TriggerModel> list) {
        return new ViewModel(name, materialized, definition, options, reads, indexes, Names.byName(list, TriggerModel::name));
    }

    public ViewModel {
        options = Names.sorted(options == null ? Map.of() : options);
        reads = reads == null ? List.of() : reads.stream().sorted().distinct().toList();
        indexes = Names.sorted(indexes == null ? Map.of() : indexes);
        triggers = Names.sorted(triggers == null ? Map.of() : triggers);
        if (definition != null && definition.strip().endsWith(";")) {
            String d = definition.stripTrailing();
            definition = d.substring(0, d.length() - 1);
        }
    }

    /** Whether it reads this relation (any column of it, or the relation as a whole). */
    public boolean readsRelation(String relation) {
        return reads.stream().anyMatch(r -> r.equals(relation) || r.startsWith(relation + "."));
    }

    public boolean readsColumn(String relation, String column) {
        return reads.contains(relation + "." + column);
    }
}
