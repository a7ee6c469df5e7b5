package org.somaagent01.schema;

import org.somaagent01.schema.pg.PgEnumType;

/** PostgreSQL enum type {@code capability_health}; labels are the constant names in lower case, in this order. */
public enum CapabilityHealth {
    HEALTHY, DEGRADED, UNAVAILABLE;

    public static final PgEnumType<CapabilityHealth> PG_TYPE = PgEnumType.of("capability_health", CapabilityHealth.class);
}
