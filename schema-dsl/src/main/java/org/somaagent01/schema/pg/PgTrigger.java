package org.somaagent01.schema.pg;

import java.util.List;

/** {@code CREATE TRIGGER name timing events ON table FOR EACH ROW|STATEMENT EXECUTE FUNCTION function()}. */
public record PgTrigger(String name, String table, String timing, List<String> events, boolean forEachRow, String function) {
    public PgTrigger {
        events = List.copyOf(events);
    }

    public static PgTrigger beforeUpdate(String name, PgTable table, PgFunction function) {
        return new PgTrigger(name, table.getTableName(), "BEFORE", List.of("UPDATE"), true, function.name());
    }
}
