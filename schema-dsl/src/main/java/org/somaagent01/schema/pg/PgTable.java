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
import org.jetbrains.exposed.v1.core.ExpressionWithColumnType;
import org.jetbrains.exposed.v1.core.Index;
import org.jetbrains.exposed.v1.core.Op;
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
 * constraints (deferrable or not), indexes with method/opclass/DESC/NULLS/INCLUDE/WITH/WHERE, the table comment,
 * identity columns ({@link #identity}) and generated stored columns ({@link #generatedAlways}). The migrator reads
 * these declarations (see {@code org.somaagent01.migrator.declared}); application code queries through the columns.
 *
 * <p>Column comments are Exposed's own: {@code comment(column, "text")} from Java, {@code column.comment("text")} from
 * Kotlin (inherited from {@link Table}, which renders {@code COMMENT ON COLUMN} in {@code SchemaUtils.create}); the
 * migrator reads them through {@link #columnComment}.
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
    private final Map<String, Identity> identities = new LinkedHashMap<>();
    private final Map<String, String> generated = new LinkedHashMap<>();
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
     * An identity column: {@code GENERATED ALWAYS AS IDENTITY} or {@code GENERATED BY DEFAULT AS IDENTITY}, e.g.
     * {@code identity(bigint("id"), Identity.ALWAYS)} (Kotlin: the same call). PostgreSQL makes it NOT NULL and gives it
     * an owned sequence; do not make it {@code nullable} nor give it a default. Exposed is told too
     * ({@code withDefinition} renders the clause in {@code SchemaUtils.create}; {@code databaseGenerated} leaves the
     * column out of an INSERT that does not set it). An {@code ALWAYS} column must never be set by an INSERT: the
     * server refuses the value.
     */
    protected <T> Column<T> identity(Column<T> column, Identity kind) {
        identities.put(column.getName(), kind);
        return databaseGenerated(withDefinition(column, "GENERATED " + kind.sql() + " AS IDENTITY"));
    }

    /**
     * A generated column, {@code GENERATED ALWAYS AS (expression) STORED}: the server computes it from the other
     * columns of the row, e.g. {@code generatedAlways(text("name_key"), "lower(name)")}. Write {@code expression} as
     * {@code pg_get_expr} prints it (else the migrator sees a changed expression and replaces the column). It can be
     * {@code nullable}, but has no default. Exposed is told too ({@code withDefinition} in {@code SchemaUtils.create};
     * {@code databaseGenerated} keeps it out of INSERTs); never set it in an INSERT or UPDATE, the server refuses.
     */
    protected <T> Column<T> generatedAlways(Column<T> column, String expression) {
        generated.put(column.getName(), expression);
        return databaseGenerated(withDefinition(column, "GENERATED ALWAYS AS (" + expression + ") STORED"));
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

    /** The table's {@code COMMENT ON TABLE} (the migrator's alone: Exposed has no table comments). */
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
        String constraint = name != null ? name : Naming.unique(getTableName(), names);
        uniques.put(constraint, names);
        // Exposed renders a plain unique index as ALTER TABLE … ADD CONSTRAINT … UNIQUE, as the migrator does
        uniqueIndex(constraint, columns, List.of(), null);
    }

    /** A CHECK constraint; the expression is written as {@code pg_get_expr} prints it. */
    protected void check(String name, String expression) {
        checks.put(name, expression);
        check(name, () -> RawSql.condition(expression));
    }

    /** A CHECK named by the convention {@code ck_<table>_<columns>}. */
    protected void check(String expression, Column<?>... about) {
        check(Naming.check(getTableName(), names(about)), expression);
    }

    /**
     * Makes the primary key, unique constraint or foreign key named {@code constraintName} {@code DEFERRABLE}
     * ({@code INITIALLY DEFERRED} when {@code initiallyDeferred}). A key that foreign keys reference cannot be
     * deferrable (PostgreSQL refuses).
     */
    protected void deferrable(String constraintName, boolean initiallyDeferred) {
        deferrable.put(constraintName, initiallyDeferred);
    }

    /**
     * An index, built fluently. Exposed is told about it too (so {@code SchemaUtils.create} makes it): method, keys
     * with opclass or DESC, and the predicate; only {@code WITH (…)} storage parameters are beyond Exposed, see
     * {@link #exposedIndex}.
     */
    protected IndexSpec index(String name) {
        IndexSpec[] self = new IndexSpec[1];
        Index[] registered = new Index[1];
        self[0] = new IndexSpec(name, () -> registered[0] = syncExposedIndex(self[0], registered[0]));
        indexes.add(self[0]);
        return self[0];
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
    /** The declared identity of {@code column}, or null. */
    public Identity identityOf(Column<?> column) { return identities.get(column.getName()); }
    /** The expression of a generated stored {@code column}, or null. */
    public String generatedExpression(Column<?> column) { return generated.get(column.getName()); }
    /**
     * The comment declared with Exposed's {@code comment(column, "text")}, or null. Exposed 1.3 keeps it in a
     * Kotlin-internal property (public in the bytecode, hence the mangled name); {@code nullable} carries it over.
     */
    public String columnComment(Column<?> column) { return column.getColumnComment$exposed_core(); }
    public Map<String, List<String>> uniqueConstraints() { return Collections.unmodifiableMap(uniques); }
    public Map<String, String> checks() { return Collections.unmodifiableMap(checks); }
    public List<IndexSpec> indexes() { return Collections.unmodifiableList(indexes); }
    /** Deferrable constraints by name → whether initially deferred. */
    public Map<String, Boolean> deferrableConstraints() { return Collections.unmodifiableMap(deferrable); }
    /** The declared former name, or null. */
    public String previousName() { return previousName; }
    /** Current column name → declared former name. */
    public Map<String, String> previousColumnNames() { return Collections.unmodifiableMap(previousColumnNames); }

    /**
     * Replaces {@code previous} (or adds) Exposed's view of {@code spec} in {@link #getIndices()}: IndexSpec is built
     * in several calls, and Exposed's Index is immutable. Exposed returns its own mutable list there.
     */
    private Index syncExposedIndex(IndexSpec spec, Index previous) {
        if (spec.keys().isEmpty()) return previous;
        Index next = exposedIndex(spec);
        @SuppressWarnings("unchecked")
        List<Index> list = (List<Index>) getIndices();
        int at = previous == null ? -1 : indexOf(list, previous);
        if (at < 0) list.add(next);
        else list.set(at, next);
        return next;
    }

    private static int indexOf(List<Index> list, Index wanted) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == wanted) return i;
        }
        return -1;
    }

    /**
     * {@code spec} as an Exposed Index. Plain column keys stay columns; as soon as one key has an opclass, DESC or is an
     * expression, every key is given as SQL text (Exposed renders columns before expressions, and order matters).
     */
    Index exposedIndex(IndexSpec spec) {
        boolean plain = spec.keys().stream().allMatch(k -> k.opclass() == null && !k.descending())
                && !spec.keyColumns().contains(null);
        List<Column<?>> columns = plain ? spec.keyColumns() : List.of();
        List<ExpressionWithColumnType<?>> functions = plain ? null : spec.keys().stream()
                .<ExpressionWithColumnType<?>>map(k -> RawSql.indexKey(keySql(k))).toList();
        Op<Boolean> filter = spec.predicate() == null ? null : RawSql.condition(spec.predicate());
        String method = spec.method().equals("btree") ? null : spec.method();
        return new Index(columns, spec.isUnique(), spec.name(), method, filter, functions, plain ? null : this);
    }

    private static String keySql(IndexSpec.Key k) {
        String expr = k.expression().startsWith("(") ? k.expression() : quote(k.expression());
        return expr + (k.opclass() == null ? "" : " " + k.opclass()) + (k.descending() ? " DESC" : "");
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

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
