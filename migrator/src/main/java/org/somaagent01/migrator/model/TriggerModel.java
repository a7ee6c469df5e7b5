package org.somaagent01.migrator.model;

import java.util.Comparator;
import java.util.List;

/** {@code CREATE TRIGGER name timing events ON table FOR EACH ROW|STATEMENT EXECUTE FUNCTION function()}. */
public record TriggerModel(String name, String table, String timing, List<String> events, boolean forEachRow,
                           String function) {
    /** The order in which PostgreSQL prints trigger events; events are kept in it so equal triggers compare equal. */
    public static final List<String> EVENT_ORDER = List.of("INSERT", "DELETE", "UPDATE", "TRUNCATE");

    public TriggerModel {
        events = events.stream().sorted(Comparator.comparingInt(EVENT_ORDER::indexOf)).toList();
    }
}
