package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;

/**
 * {@code CREATE [CONSTRAINT] TRIGGER name timing events ON table [DEFERRABLE [INITIALLY DEFERRED]]
 * [REFERENCING OLD TABLE AS o NEW TABLE AS n] FOR EACH ROW|STATEMENT [WHEN (condition)]
 * EXECUTE FUNCTION function(arguments…)}, then its enabled state.
 *
 * <p>The components after {@code function} are empty, null or false for a plain trigger and left out of snapshots
 * then: {@code updateColumns} the columns of {@code UPDATE OF} (in the order PostgreSQL keeps, the declared one);
 * {@code when} the condition as {@code pg_get_triggerdef} prints it inside {@code WHEN (…)}; {@code arguments} the
 * strings passed to the function; {@code constraint}, {@code deferrable}, {@code initiallyDeferred} for a constraint
 * trigger; {@code oldTable}, {@code newTable} the transition tables; {@code enabled} null when the trigger fires
 * normally, else {@code DISABLED}, {@code REPLICA} or {@code ALWAYS}.
 */
public record TriggerModel(String name, String table, String timing, List<String> events, boolean forEachRow,
                           String function,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> updateColumns,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String when,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> arguments,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean constraint,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deferrable,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean initiallyDeferred,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String oldTable,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String newTable,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String enabled) {
    /** The order in which PostgreSQL prints trigger events; events are kept in it so equal triggers compare equal. */
    public static final List<String> EVENT_ORDER = List.of("INSERT", "DELETE", "UPDATE", "TRUNCATE");

    public static final String DISABLED = "DISABLED";
    public static final String REPLICA = "REPLICA";
    public static final String ALWAYS = "ALWAYS";

    public TriggerModel(String name, String table, String timing, List<String> events, boolean forEachRow,
                        String function) {
        this(name, table, timing, events, forEachRow, function, List.of(), null, List.of(), false, false, false, null,
                null, null);
    }

    public TriggerModel {
        events = events.stream().sorted(Comparator.comparingInt(EVENT_ORDER::indexOf)).toList();
        updateColumns = updateColumns == null ? List.of() : List.copyOf(updateColumns);
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        deferrable = deferrable || initiallyDeferred;
    }

    public TriggerModel withTable(String newTable) {
        return new TriggerModel(name, newTable, timing, events, forEachRow, function, updateColumns, when, arguments,
                constraint, deferrable, initiallyDeferred, oldTable, this.newTable, enabled);
    }

    /** This trigger firing only on an update of these columns, or when the condition holds (null: always). */
    public TriggerModel withCondition(List<String> columns, String condition) {
        return new TriggerModel(name, table, timing, events, forEachRow, function, columns, condition, arguments,
                constraint, deferrable, initiallyDeferred, oldTable, newTable, enabled);
    }

    public TriggerModel withArguments(List<String> newArguments) {
        return new TriggerModel(name, table, timing, events, forEachRow, function, updateColumns, when, newArguments,
                constraint, deferrable, initiallyDeferred, oldTable, newTable, enabled);
    }

    /** A constraint trigger (AFTER … FOR EACH ROW), deferrable or not. */
    public TriggerModel asConstraint(boolean isDeferrable, boolean isInitiallyDeferred) {
        return new TriggerModel(name, table, timing, events, forEachRow, function, updateColumns, when, arguments,
                true, isDeferrable, isInitiallyDeferred, oldTable, newTable, enabled);
    }

    public TriggerModel withTransitionTables(String oldName, String newName) {
        return new TriggerModel(name, table, timing, events, forEachRow, function, updateColumns, when, arguments,
                constraint, deferrable, initiallyDeferred, oldName, newName, enabled);
    }

    public TriggerModel withEnabled(String state) {
        return new TriggerModel(name, table, timing, events, forEachRow, function, updateColumns, when, arguments,
                constraint, deferrable, initiallyDeferred, oldTable, newTable, state);
    }

    /** Whether this and {@code other} are the same trigger but for the enabled state. */
    @JsonIgnore
    public boolean sameButEnabled(TriggerModel other) {
        return other != null && withEnabled(null).equals(other.withEnabled(null));
    }
}
