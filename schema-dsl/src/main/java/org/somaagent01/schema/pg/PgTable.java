package org.somaagent01.schema.pg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.FloatColumnType;
import org.jetbrains.exposed.v1.core.LongColumnType;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.jetbrains.exposed.v1.core.Table;
import org.jetbrains.exposed.v1.core.TextColumnType;
import org.jetbrains.exposed.v1.core.java.UUIDColumnTypeKt;
import org.jetbrains.exposed.v1.javatime.JavaDateColumnTypeKt;
import org.jetbrains.exposed.v1.json.JsonBColumnTypeKt;
import org.postgresql.util.PGobject;

/**
 * An Exposed {@link Table} that can also declare what Exposed 1.3 cannot: PostgreSQL enum columns, {@code vector(n)},
 * {@code text[]}, {@code jsonb} as {@link JsonNode}, defaults written as SQL, named primary keys, unique and CHECK
 * constraints (deferrable or not), indexes with method/opclass/DESC/NULLS/INCLUDE/WITH/WHERE, and the table comment. The migrator reads these
 * declarations (see {@code org.somaagent01.migrator.declared}); application code queries through the columns.
 */
public abstract class PgTable extends Table {
    private static final ObjectMapper JSON = new ObjectMapper();

    private String comment;
    private PrimaryKey primaryKey;
    // keyed by column name: nullable() replaces the Column object after the default was set
    private final Map<String, String> sqlDefaults = new LinkedHashMap<>();
    private final Map<String, List<String>> uniques = new LinkedHashMap<>();
    private final Map<String, String> checks = new LinkedHashMap<>();
    private final List<IndexSpec> indexes = new ArrayList<>();
    // constraint name -> initially deferred
    private final Map<String, Boolean> deferrable = new LinkedHashMap<>();
    private String previousName;
    private final Map<String, String> previousColumnNames = new LinkedHashMap<>();

    protected PgTable(String name) {
        super(name);
    }

    // ---- column types ----

    protected Column<String> text(String name) { return text(name, null, false); }
    protected Column<String> varchar(String name, int length) { return varchar(name, length, null); }
    protected Column<Integer> integer(String name) { return integer(name, null); }
    // long(...) and float(...) of Exposed are Java keywords, so register their column types directly
    protected Column<Long> bigint(String name) { return registerColumn(name, new LongColumnType()); }
    /** {@code bigserial}: bigint with its owned sequence {@code <table>_<column>_seq}. */
    protected Column<Long> bigserial(String name) { return autoIncrement(bigint(name), (String) null); }
    /** {@code real} (float4). */
    protected Column<Float> real(String name) { return registerColumn(name, new FloatColumnType()); }
    protected Column<UUID> javaUuid(String name) { return UUIDColumnTypeKt.javaUUID(this, name); }
    protected Column<byte[]> bytea(String name) { return binary(name); }
    protected Column<OffsetDateTime> timestamptz(String name) { return JavaDateColumnTypeKt.timestampWithTimeZone(this, name); }
    protected Column<List<String>> textArray(String name) { return array(name, new TextColumnType(null, false), null); }
    /** {@code vector(dimensions)} of pgvector, as {@code float[]}. */
    protected Column<float[]> vector(String name, int dimensions) { return vector(this, name, dimensions); }

    protected Column<JsonNode> jsonb(String name) {
        return JsonBColumnTypeKt.jsonb(this, name, PgTable::writeJson, PgTable::readJson, false);
    }

    protected <E extends Enum<E>> Column<E> pgEnum(String name, PgEnumType<E> type) {
        return customEnumeration(name, type.name(),
                value -> type.fromLabel(value instanceof PGobject o ? o.getValue() : value.toString()),
                value -> enumObject(type.name(), value));
    }

    // ---- column modifiers ----

    /** A database default as SQL, written as {@code pg_get_expr} prints it: {@code now()}, {@code '{}'::jsonb}. */
    protected <T> Column<T> withDefault(Column<T> column, String sql) {
        Column<T> c = defaultExpression(column, new SqlDefault<>(sql, column.getColumnType()));
        sqlDefaults.put(c.getName(), sql);
        return c;
    }

    /**
     * A new column with a foreign key to {@code target}, of the target's type. {@code ON UPDATE} is NO ACTION as in
     * SQL (Exposed's own default, null, means RESTRICT). A null {@code constraintName} follows {@link Naming}.
     */
    protected <T> Column<T> references(String name, Column<T> target, ReferenceOption onDelete, String constraintName) {
        return reference(name, target, onDelete, ReferenceOption.NO_ACTION, constraintName != null ? constraintName
                : Naming.foreignKey(getTableName(), List.of(name), target.getTable().getTableName()));
    }

    // ---- table-level declarations ----

    protected void comment(String text) { comment = text; }

    /**
     * Declares that this table was called {@code oldName}: the migrator renames it instead of dropping it and
     * creating a new one (it never guesses a rename). Remove once every database has been migrated past it.
     */
    protected void previouslyNamed(String oldName) { previousName = oldName; }

    /** Declares that {@code column} was called {@code oldName}; see {@link #previouslyNamed(String)}. */
    protected void previouslyNamed(Column<?> column, String oldName) { previousColumnNames.put(column.getName(), oldName); }

    protected void primaryKey(String name, Column<?>... columns) {
        primaryKey = new PrimaryKey(columns, name != null ? name : Naming.primaryKey(getTableName()));
    }

    protected void unique(String name, Column<?>... columns) {
        List<String> names = names(columns);
        uniques.put(name != null ? name : Naming.unique(getTableName(), names), names);
    }

    /** A CHECK constraint; the expression is written as {@code pg_get_expr} prints it. */
    protected void check(String name, String expression) { checks.put(name, expression); }

    /** A CHECK named by the convention {@code ck_<table>_<columns>}. */
    protected void check(String expression, Column<?>... about) {
        checks.put(Naming.check(getTableName(), names(about)), expression);
    }

    /**
     * Makes the primary key, unique constraint or foreign key named {@code constraintName} {@code DEFERRABLE}
     * ({@code INITIALLY DEFERRED} when {@code initiallyDeferred}). A key that foreign keys reference cannot be
     * deferrable (PostgreSQL refuses).
     */
    protected void deferrable(String constraintName, boolean initiallyDeferred) {
        deferrable.put(constraintName, initiallyDeferred);
    }

    protected IndexSpec index(String name) {
        IndexSpec spec = new IndexSpec(name);
        indexes.add(spec);
        return spec;
    }

    /** An index named by the convention {@code ix_<table>_<columns>}. */
    protected IndexSpec index(Column<?>... columns) {
        return index(Naming.index(getTableName(), names(columns))).on(columns);
    }

    // ---- what the migrator reads ----

    @Override
    public PrimaryKey getPrimaryKey() { return primaryKey; }
    public String comment() { return comment; }
    public String sqlDefault(Column<?> column) { return sqlDefaults.get(column.getName()); }
    public Map<String, List<String>> uniqueConstraints() { return Collections.unmodifiableMap(uniques); }
    public Map<String, String> checks() { return Collections.unmodifiableMap(checks); }
    public List<IndexSpec> indexes() { return Collections.unmodifiableList(indexes); }
    /** Deferrable constraints by name → whether initially deferred. */
    public Map<String, Boolean> deferrableConstraints() { return Collections.unmodifiableMap(deferrable); }
    /** The declared former name, or null. */
    public String previousName() { return previousName; }
    /** Current column name → declared former name. */
    public Map<String, String> previousColumnNames() { return Collections.unmodifiableMap(previousColumnNames); }

    private static List<String> names(Column<?>... columns) {
        return Arrays.stream(columns).map(Column::getName).toList();
    }

    private static PGobject enumObject(String type, Enum<?> value) {
        try {
            PGobject o = new PGobject();
            o.setType(type);
            o.setValue(PgEnumType.label(value));
            return o;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String writeJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize JSON value: " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON from the database: " + e.getOriginalMessage(), e);
        }
    }
}
