package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;

/**
 * A table's row-level security: {@code ENABLE ROW LEVEL SECURITY}, {@code FORCE ROW LEVEL SECURITY} (which applies
 * the policies to the table's owner too) and its policies, by name. PostgreSQL keeps policies on a table whose row
 * security is off, so they are independent of the flags.
 */
public record RowSecurity(@JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean enabled,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean forced,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, PolicyModel> policies) {
    public static final RowSecurity NONE = new RowSecurity(false, false, new java.util.TreeMap<>());

    public RowSecurity {
        policies = Names.sorted(policies == null ? Map.of() : policies);
    }

    public static RowSecurity of(boolean enabled, boolean forced, Collection<PolicyModel> policies) {
        return new RowSecurity(enabled, forced, Names.byName(policies, PolicyModel::name));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isNone() {
        return !enabled && !forced && policies.isEmpty();
    }
}
