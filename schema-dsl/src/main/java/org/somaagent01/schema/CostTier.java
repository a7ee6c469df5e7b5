package org.somaagent01.schema;

import org.somaagent01.schema.pg.PgEnumType;

/** PostgreSQL enum type {@code cost_tier}; labels are the constant names in lower case, in this order. */
public enum CostTier {
    FREE, LOW, MEDIUM, HIGH, PREMIUM;

    public static final PgEnumType<CostTier> PG_TYPE = PgEnumType.of("cost_tier", CostTier.class);
}
