package org.somaagent01.migrator.declared;

import org.jetbrains.exposed.v1.core.ArrayColumnType;
import org.jetbrains.exposed.v1.core.AutoIncColumnType;
import org.jetbrains.exposed.v1.core.BasicBinaryColumnType;
import org.jetbrains.exposed.v1.core.BooleanColumnType;
import org.jetbrains.exposed.v1.core.CustomEnumerationColumnType;
import org.jetbrains.exposed.v1.core.DoubleColumnType;
import org.jetbrains.exposed.v1.core.FloatColumnType;
import org.jetbrains.exposed.v1.core.FloatVectorColumnType;
import org.jetbrains.exposed.v1.core.IColumnType;
import org.jetbrains.exposed.v1.core.IntegerColumnType;
import org.jetbrains.exposed.v1.core.LongColumnType;
import org.jetbrains.exposed.v1.core.ShortColumnType;
import org.jetbrains.exposed.v1.core.StringColumnType;
import org.jetbrains.exposed.v1.core.TextColumnType;
import org.jetbrains.exposed.v1.core.VarCharColumnType;
import org.jetbrains.exposed.v1.core.java.UUIDColumnType;
import org.jetbrains.exposed.v1.javatime.JavaOffsetDateTimeColumnType;
import org.jetbrains.exposed.v1.json.JsonBColumnType;

/**
 * Maps Exposed column types to PostgreSQL's {@code format_type} spelling. Exposed's own {@code sqlType()} needs a
 * live transaction and prints another spelling ({@code VARCHAR(255)}, {@code INT}), so we map by class.
 */
final class ColumnTypes {
    /** {@code collation}: a text column's {@code COLLATE} as Exposed was given it, quotes taken off; else null. */
    record Declared(String sqlType, boolean serial, String collation) {}

    private ColumnTypes() {}

    static Declared of(IColumnType<?> type) {
        if (type instanceof AutoIncColumnType<?> auto) return new Declared(of(auto.getDelegate()).sqlType(), true, null);
        String collate = type instanceof StringColumnType s ? s.getCollate() : null;
        return new Declared(sqlType(type), false, collate == null ? null : collate.replaceAll("^\"(.*)\"$", "$1"));
    }

    private static String sqlType(IColumnType<?> type) {
        if (type instanceof VarCharColumnType v) return "character varying(" + v.getColLength() + ")";
        if (type instanceof TextColumnType) return "text";
        if (type instanceof IntegerColumnType) return "integer";
        if (type instanceof LongColumnType) return "bigint";
        if (type instanceof ShortColumnType) return "smallint";
        if (type instanceof FloatColumnType) return "real";
        if (type instanceof DoubleColumnType) return "double precision";
        if (type instanceof BooleanColumnType) return "boolean";
        if (type instanceof UUIDColumnType) return "uuid";
        if (type instanceof BasicBinaryColumnType) return "bytea";
        if (type instanceof JavaOffsetDateTimeColumnType) return "timestamp with time zone";
        if (type instanceof JsonBColumnType<?>) return "jsonb";
        if (type instanceof CustomEnumerationColumnType<?> e) return e.getSql();
        if (type instanceof FloatVectorColumnType v) return "vector(" + v.getDimensions() + ")";
        if (type instanceof ArrayColumnType<?, ?> a) return sqlType(a.getDelegate()) + "[]";
        throw new IllegalArgumentException("column type " + type.getClass().getSimpleName()
                + " has no PostgreSQL mapping in the migrator; declare it with a PgTable helper");
    }
}
