package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ReferenceOption;
import org.somaagent01.schema.pg.Identity;
import org.somaagent01.schema.pg.PgEnumType;
import org.somaagent01.schema.pg.PgTable;
import org.somaagent01.schema.pg.SchemaDeclaration;

/**
 * Random small schemas in the subset that Exposed {@code Table} objects can declare (through {@link PgTable}): tables,
 * columns of common types (an enum type among them), nullability, defaults, column comments, primary keys, unique
 * constraints, plain and unique indexes, foreign keys with ON DELETE actions and CHECKs. A schema is a list of
 * {@link TableSpec}s, built into fresh Exposed tables with {@link #declaration}; {@link RandomSchemas} draws full
 * models instead, most of which Exposed cannot declare.
 *
 * <p>A pair is mostly drawn as A and a mutation of A (a few genes changed), so that A and B are mostly equal and
 * differ in a few objects, or not at all. Every gene is read whatever the branch taken, so one changed gene changes
 * one choice rather than shifting all later ones. Expressions and defaults are written as PostgreSQL prints them.
 *
 * <p>Narrowed for Exposed, not for us: no two indexes or unique constraints of a table share their columns (Exposed
 * drops such "excess" indexes even when both are declared), and no index or unique key is on {@code id} alone (that
 * would duplicate the primary key's index).
 */
final class ExposedSubsetSchemas {
    private ExposedSubsetSchemas() {}

    /** Labels happy, sad, calm. */
    enum Mood { HAPPY, SAD, CALM }

    static final PgEnumType<Mood> MOOD = PgEnumType.of("mood", Mood.class);

    /**
     * {@code nativeApi}: declared with Exposed's own API instead of PgTable's, see {@link Native}; the flags are drawn
     * always (so that the genome reads the same) and take effect only for the kinds {@link Native#enabled()} lists.
     */
    record ColumnSpec(String name, String type, boolean nullable, String dflt, String comment, boolean nativeApi) {}

    /** A column {@code column} with a foreign key {@code name} to {@code target.id}. */
    record ForeignKeySpec(String name, String column, String target, ReferenceOption onDelete, boolean nullable,
                          boolean nativeApi) {}

    record KeySpec(String name, List<String> columns, boolean unique, String method, String predicate, boolean nativeApi) {}

    record CheckSpec(String name, String expression, boolean nativeApi) {}

    /**
     * Declarations through Exposed's own {@code Table} API rather than PgTable's helpers, which Exposed creates and
     * compares: FK: {@code reference(name, target, null, null, fkName)}, Exposed's default actions (RESTRICT on
     * PostgreSQL); INDEX: {@code index(name, unique, columns…)}. Both are read by DeclaredSchema (the oracle found
     * them ignored before) and drawn always. The others the oracle found are refused by DeclaredSchema with a
     * one-line error (DeclaredNativeApiTest), so they are drawn only on request, to see the refusal:
     * {@code -Dsa01.oracle.native=default,check,sequence}: DEFAULT {@code defaultExpression(column, literal)} (Kotlin's
     * {@code column.default(v)}); CHECK {@code check(name, op)}; SEQUENCE {@code autoIncrement(bigint("id"),
     * "t_id_custom_seq")}.
     */
    enum Native {
        DEFAULT, FK, INDEX, CHECK, SEQUENCE;

        static java.util.Set<Native> enabled() {
            java.util.Set<Native> out = java.util.EnumSet.of(FK, INDEX);
            for (String k : System.getProperty("sa01.oracle.native", "").split(",")) {
                if (!k.isBlank()) out.add(Native.valueOf(k.strip().toUpperCase(java.util.Locale.ROOT)));
            }
            return out;
        }
    }

    /** The literal value of a default, for a native Exposed default: only those types and defaults that have one. */
    private static Object literal(String type, String dflt) {
        if (dflt == null) return null;
        if (type.equals("integer")) return Integer.valueOf(dflt);
        if (type.equals("boolean")) return Boolean.valueOf(dflt);
        if (type.equals("text") && dflt.endsWith("::text")) return dflt.substring(1, dflt.length() - "'::text".length());
        return null;
    }

    /** {@code idKind}: integer, bigint, bigserial, ALWAYS or BY DEFAULT (an identity); {@code pkName} null: no key. */
    record TableSpec(String name, String idKind, boolean nativeSequence, String pkName, List<ColumnSpec> columns,
                     List<ForeignKeySpec> foreignKeys, List<KeySpec> uniques, List<KeySpec> indexes, List<CheckSpec> checks) {}

    record Pair(List<TableSpec> a, List<TableSpec> b) {
        @Override
        public String toString() { return "\n---- A ----\n" + describe(a) + "\n---- B ----\n" + describe(b); }
    }

    static String describe(List<TableSpec> schema) {
        StringBuilder out = new StringBuilder();
        for (TableSpec t : schema) out.append(t).append('\n');
        return out.toString();
    }

    /** Enough for every gene of four tables (119 each), so none is read twice. */
    private static final int GENES = 480;

    /**
     * Mostly A and B as A with up to 20 genes changed (none: B equals A), so that the two differ in a few objects;
     * sometimes two independent draws, which differ in many (tables missing, primary keys added).
     */
    static Arbitrary<Pair> pairs() {
        Arbitrary<List<Integer>> genome = Arbitraries.integers().between(0, 99).list().ofSize(GENES);
        Arbitrary<List<int[]>> mutations = Combinators.combine(Arbitraries.integers().between(0, GENES - 1),
                Arbitraries.integers().between(0, 99)).as((at, value) -> new int[]{at, value}).list().ofMaxSize(20);
        Arbitrary<Pair> mutated = Combinators.combine(genome, mutations).as((genes, changes) -> {
            List<Integer> other = new ArrayList<>(genes);
            for (int[] change : changes) other.set(change[0], change[1]);
            return new Pair(decode(genes), decode(other));
        });
        Arbitrary<Pair> independent = Combinators.combine(genome, genome).as((a, b) -> new Pair(decode(a), decode(b)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, mutated), net.jqwik.api.Tuple.of(1, independent));
    }

    private static final List<String> TABLES = List.of("t_a", "t_b", "t_c", "t_d");

    /** Column name → its possible types → each type's possible defaults (null: none), as pg_get_expr prints them. */
    private static final Map<String, Map<String, List<String>>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("c_int", Map.of("integer", nullAnd("0", "42")));
        COLUMNS.put("c_num", orderedMap("integer", nullAnd("0"), "bigint", nullAnd("0", "7")));
        COLUMNS.put("c_txt", orderedMap("text", nullAnd("'x'::text", "''::text"),
                "character varying(20)", nullAnd("'x'::character varying"),
                "character varying(40)", nullAnd("'x'::character varying")));
        // a second varchar, whose length Exposed compares (it compares no other type on PostgreSQL)
        COLUMNS.put("c_code", orderedMap("character varying(10)", nullAnd(), "character varying(30)",
                nullAnd("'a'::character varying")));
        COLUMNS.put("c_flag", Map.of("boolean", nullAnd("true", "false")));
        COLUMNS.put("c_json", Map.of("jsonb", nullAnd("'{}'::jsonb")));
        COLUMNS.put("c_ts", Map.of("timestamp with time zone", nullAnd("now()")));
        COLUMNS.put("c_uuid", Map.of("uuid", nullAnd("gen_random_uuid()")));
        COLUMNS.put("c_arr", Map.of("text[]", nullAnd("'{}'::text[]")));
        COLUMNS.put("c_mood", Map.of("mood", nullAnd("'happy'::mood", "'calm'::mood")));
        COLUMNS.put("c_bytes", Map.of("bytea", nullAnd()));
        COLUMNS.put("c_real", Map.of("real", nullAnd()));
    }

    private static Map<String, List<String>> orderedMap(Object... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) kv[i + 1];
            m.put((String) kv[i], v);
        }
        return m;
    }

    private static List<String> nullAnd(String... values) {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(List.of(values));
        return out;
    }

    static List<TableSpec> decode(List<Integer> genes) {
        Genome g = new Genome(genes);
        List<TableSpec> tables = new ArrayList<>();
        Map<String, Boolean> keyed = new LinkedHashMap<>();
        for (String t : TABLES) {
            boolean present = g.pick(4) != 0;
            String idKind = g.oneOf(List.of("integer", "bigint", "bigserial", "integer", "bigint", Identity.ALWAYS.sql(),
                    Identity.BY_DEFAULT.sql()));
            boolean nativeSequence = g.chance();
            int pk = g.pick(5);
            String pkName = pk == 0 ? null : pk <= 2 ? "pk_" + t : t + "_pkey";

            List<ColumnSpec> columns = new ArrayList<>();
            for (Map.Entry<String, Map<String, List<String>>> c : COLUMNS.entrySet()) {
                boolean has = g.pick(3) != 0;
                String type = g.oneOf(new ArrayList<>(c.getValue().keySet()));
                boolean nullable = g.chance();
                String dflt = g.oneOf(c.getValue().get(type));
                boolean commented = g.pick(4) == 3;
                String text = g.oneOf(List.of("the value", "it's a value"));
                String comment = commented ? text : null;
                boolean nativeApi = g.chance();
                if (has) columns.add(new ColumnSpec(c.getKey(), type, nullable, dflt, comment, nativeApi));
            }

            // to earlier tables (Exposed needs the target object) and to itself
            List<ForeignKeySpec> fks = new ArrayList<>();
            List<String> targets = new ArrayList<>(keyed.keySet());
            targets.add(t);
            for (String target : TABLES) {
                boolean has = g.pick(3) == 0;
                ReferenceOption onDelete = g.oneOf(List.of(ReferenceOption.NO_ACTION, ReferenceOption.CASCADE,
                        ReferenceOption.SET_NULL, ReferenceOption.RESTRICT));
                boolean nullable = g.chance();
                boolean nativeApi = g.chance();
                boolean targetKeyed = target.equals(t) ? pkName != null : Boolean.TRUE.equals(keyed.get(target));
                if (has && targets.contains(target) && targetKeyed) {
                    String column = target.equals(t) ? "parent_id" : target + "_id";
                    fks.add(new ForeignKeySpec("fk_" + t + "_" + column, column, target, onDelete, nullable, nativeApi));
                }
            }

            boolean intCol = has(columns, "c_int");
            boolean numCol = has(columns, "c_num");
            boolean txtCol = has(columns, "c_txt");
            List<CheckSpec> checks = new ArrayList<>();
            boolean ck1 = g.chance();
            String ck1Expr = g.oneOf(List.of("(c_int > 0)", "(c_int >= 0)"));
            boolean ck1Native = g.chance();
            if (intCol && ck1) checks.add(new CheckSpec("ck_" + t + "_int", ck1Expr, ck1Native));
            if (numCol & g.chance()) checks.add(new CheckSpec("ck_" + t + "_num", "(c_num <> 42)", false));

            List<KeySpec> uniques = new ArrayList<>();
            if (txtCol & g.chance()) uniques.add(new KeySpec("uq_" + t + "_txt", List.of("c_txt"), true, "btree", null, false));
            if (intCol & txtCol & g.chance()) {
                uniques.add(new KeySpec("uq_" + t + "_int_txt", List.of("c_int", "c_txt"), true, "btree", null, false));
            }

            List<KeySpec> indexes = new ArrayList<>();
            boolean ixInt = g.chance();
            boolean ixIntUnique = g.chance();
            String ixIntName = g.oneOf(List.of("ix_" + t + "_int", "ix_" + t + "_int2"));
            boolean ixIntNative = g.chance();
            if (intCol && ixInt) indexes.add(new KeySpec(ixIntName, List.of("c_int"), ixIntUnique, "btree", null, ixIntNative));
            boolean ixMulti = g.chance();
            List<String> multi = g.chance() ? List.of("c_num", "c_flag") : List.of("c_flag", "c_num");
            if (numCol && has(columns, "c_flag") && ixMulti) indexes.add(new KeySpec("ix_" + t + "_multi", multi, false, "btree", null, false));
            boolean ixJson = g.chance();
            if (has(columns, "c_json") && ixJson) indexes.add(new KeySpec("ix_" + t + "_json", List.of("c_json"), false, "gin", null, false));
            boolean ixTs = g.chance();
            String tsPredicate = g.oneOf(List.of("(c_ts IS NOT NULL)", "(c_ts > '2020-01-01 00:00:00+00'::timestamp with time zone)"));
            if (has(columns, "c_ts") && ixTs) indexes.add(new KeySpec("ix_" + t + "_ts", List.of("c_ts"), false, "btree", tsPredicate, false));

            if (present) {
                tables.add(new TableSpec(t, idKind, nativeSequence, pkName, columns, fks, uniques, indexes, checks));
                keyed.put(t, pkName != null);
            }
        }
        if (g.read() > genes.size()) throw new IllegalStateException("GENES too small: " + g.read() + " genes read");
        if (tables.isEmpty()) tables.add(new TableSpec("t_a", "integer", false, null, List.of(), List.of(), List.of(), List.of(), List.of()));
        return tables;
    }

    private static boolean has(List<ColumnSpec> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    /** Fresh Exposed tables for {@code schema}, with the enum type they may use. */
    static SchemaDeclaration declaration(List<TableSpec> schema) {
        return declaration(schema, Native.enabled());
    }

    static SchemaDeclaration declaration(List<TableSpec> schema, java.util.Set<Native> nativeKinds) {
        Map<String, DeclaredTable> built = new LinkedHashMap<>();
        for (TableSpec t : schema) built.put(t.name(), new DeclaredTable(t, built, nativeKinds));
        return new SchemaDeclaration(List.of(), List.of(MOOD), List.copyOf(built.values()), List.of(), List.of());
    }

    /** One {@link TableSpec} as a {@link PgTable}, built at run time. */
    static final class DeclaredTable extends PgTable {
        final Column<?> id;

        DeclaredTable(TableSpec spec, Map<String, DeclaredTable> earlier, java.util.Set<Native> nativeKinds) {
            super(spec.name());
            id = spec.idKind().equals("bigserial") && spec.nativeSequence() && nativeKinds.contains(Native.SEQUENCE)
                    ? autoIncrement(bigint("id"), spec.name() + "_id_custom_seq") : switchId(spec.idKind());
            if (spec.pkName() != null) primaryKey(spec.pkName(), id);
            Map<String, Column<?>> byName = new LinkedHashMap<>();
            for (ColumnSpec c : spec.columns()) {
                byName.put(c.name(), column(c, c.nativeApi() && nativeKinds.contains(Native.DEFAULT)
                        && literal(c.type(), c.dflt()) != null));
            }
            for (ForeignKeySpec fk : spec.foreignKeys()) {
                Column<?> target = fk.target().equals(spec.name()) ? id : earlier.get(fk.target()).id;
                Column<?> column = fk.nativeApi() && nativeKinds.contains(Native.FK)
                        ? nativeReference(fk.column(), target, fk.name())
                        : foreignKeyColumn(fk.column(), target, fk.onDelete(), fk.name());
                if (fk.nullable()) makeNullable(column);
            }
            for (KeySpec u : spec.uniques()) unique(u.name(), columns(byName, u.columns()));
            for (KeySpec i : spec.indexes()) {
                if (i.nativeApi() && nativeKinds.contains(Native.INDEX)) {
                    index(i.name(), i.unique(), columns(byName, i.columns()), null, null, null);
                    continue;
                }
                var index = index(i.name()).on(columns(byName, i.columns()));
                if (i.unique()) index.unique();
                if (!i.method().equals("btree")) index.using(i.method());
                if (i.predicate() != null) index.where(i.predicate());
            }
            for (CheckSpec c : spec.checks()) {
                if (c.nativeApi() && nativeKinds.contains(Native.CHECK)) check(c.name(), () -> sql(c.expression()));
                else check(c.name(), c.expression());
            }
        }

        private static org.jetbrains.exposed.v1.core.Op<Boolean> sql(String text) {
            return new org.jetbrains.exposed.v1.core.Op<>() {
                @Override
                public void toQueryBuilder(org.jetbrains.exposed.v1.core.QueryBuilder builder) { builder.append(text); }
            };
        }

        private Column<?> switchId(String kind) {
            if (kind.equals("integer")) return integer("id");
            if (kind.equals("bigint")) return bigint("id");
            if (kind.equals("bigserial")) return bigserial("id");
            return identity(bigint("id"), kind.equals(Identity.ALWAYS.sql()) ? Identity.ALWAYS : Identity.BY_DEFAULT);
        }

        private static Column<?>[] columns(Map<String, Column<?>> byName, List<String> names) {
            return names.stream().map(byName::get).toArray(Column<?>[]::new);
        }

        private Column<?> column(ColumnSpec c, boolean nativeDefault) {
            Column<?> column = typed(c.name(), c.type());
            if (c.nullable()) column = makeNullable(column);
            if (nativeDefault) column = literalDefault(column, literal(c.type(), c.dflt()));
            else if (c.dflt() != null) column = addDefault(column, c.dflt());
            if (c.comment() != null) column = addComment(column, c.comment());
            return column;
        }

        private Column<?> typed(String name, String type) {
            switch (type) {
                case "integer": return integer(name);
                case "bigint": return bigint(name);
                case "text": return text(name);
                case "character varying(20)": return varchar(name, 20);
                case "character varying(40)": return varchar(name, 40);
                case "character varying(10)": return varchar(name, 10);
                case "character varying(30)": return varchar(name, 30);
                case "boolean": return bool(name);
                case "jsonb": return jsonb(name);
                case "timestamp with time zone": return timestamptz(name);
                case "uuid": return javaUuid(name);
                case "text[]": return textArray(name);
                case "mood": return pgEnum(name, MOOD);
                case "bytea": return bytea(name);
                case "real": return real(name);
                default: throw new IllegalArgumentException("no column type " + type);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Column<?> makeNullable(Column<?> column) { return nullable((Column) column); }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Column<?> addDefault(Column<?> column, String sql) { return withDefault((Column) column, sql); }

        /** What Kotlin's {@code column.default(value)} does (a Java keyword, so spelled out). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Column<?> literalDefault(Column<?> column, Object value) {
            Column c = defaultExpression((Column) column,
                    new org.jetbrains.exposed.v1.core.LiteralOp(column.getColumnType(), value));
            c.setDefaultValueFun(() -> value);
            return c;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Column<?> nativeReference(String name, Column<?> target, String constraint) {
            return reference(name, (Column) target, null, null, constraint);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Column<?> addComment(Column<?> column, String text) { return comment((Column) column, text); }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Column<?> foreignKeyColumn(String name, Column<?> target, ReferenceOption onDelete, String constraint) {
            return references(name, (Column) target, onDelete, constraint);
        }
    }
}
