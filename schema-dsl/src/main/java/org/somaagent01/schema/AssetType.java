package org.somaagent01.schema;

import org.somaagent01.schema.pg.PgEnumType;

/** PostgreSQL enum type {@code asset_type}; labels are the constant names in lower case, in this order. */
public enum AssetType {
    IMAGE, VIDEO, DIAGRAM, SCREENSHOT, DOCUMENT;

    public static final PgEnumType<AssetType> PG_TYPE = PgEnumType.of("asset_type", AssetType.class);
}
