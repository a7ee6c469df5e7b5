package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.CollationModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.Extension;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.IndexModel.IndexKey;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableLayout;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.migrator.model.ViewModel;
import org.somaagent01.migrator.plan.Plan;

/**
 * Random small schemas over a fixed pool of names, so that two independent draws overlap and differ in every
 * object kind. A schema is decoded from a list of small numbers (its genome); jqwik shrinks numbers towards 0 and
 * 0 decodes to "absent" or "the simplest choice", so shrunk counterexamples are small schemas.
 *
 * <p>Every expression is written in the form PostgreSQL prints back ({@code pg_get_expr}, {@code format_type}),
 * since the test compares inspected catalogs with these models for equality.
 */
final class RandomSchemas {
    private RandomSchemas() {}

    /** Two schemas, printed as the DDL that creates each from nothing. */
    record Pair(SchemaModel a, SchemaModel b) {
        @Override
        public String toString() {
            return "\n---- A ----\n" + ddl(a) + "\n---- B ----\n" + ddl(b);
        }
    }

    static String ddl(SchemaModel schema) {
        return Plan.script("", new Plan(Differ.diff(SchemaModel.EMPTY, schema)).upStatements());
    }

    static Arbitrary<Pair> pairs() {
        Arbitrary<List<Integer>> genome = Arbitraries.integers().between(0, 99).list().ofSize(200);
        return Combinators.combine(genome, genome).as((a, b) -> new Pair(decode(a), decode(b)));
    }

    private static final List<String> TABLES = List.of("t_a", "t_b", "t_c");
    private static final Map<String, List<String>> ENUM_LABELS = Map.of(
            "mood", List.of("happy", "sad", "calm", "angry"), "color", List.of("red", "green", "blue"));
    private static final List<String> TRIGGER_BODIES = List.of(
            "BEGIN RETURN NEW; END;", "BEGIN NEW := NEW; RETURN NEW; END;", "\nBEGIN\n  RETURN NULL;\nEND;\n");

    static SchemaModel decode(List<Integer> genes) {
        Genome g = new Genome(genes);
        boolean vector = g.chance();

        List<EnumType> enums = new ArrayList<>();
        for (String name : List.of("color", "mood")) {
            if (!g.chance()) continue;
            List<String> labels = new ArrayList<>();
            for (String label : ENUM_LABELS.get(name)) if (g.pick(4) != 0) labels.add(label);
            if (labels.isEmpty()) labels.add(ENUM_LABELS.get(name).get(0));
            if (g.pick(5) == 4) labels.add(labels.remove(0)); // a reordering forces a type swap
            enums.add(new EnumType(name, labels));
        }
        boolean mood = enums.stream().anyMatch(e -> e.name().equals("mood"));
        boolean color = enums.stream().anyMatch(e -> e.name().equals("color"));

        List<FunctionModel> functions = new ArrayList<>();
        List<String> triggerFunctions = new ArrayList<>();
        for (String name : List.of("audit_fn", "touch_fn")) {
            if (!g.chance()) continue;
            functions.add(new FunctionModel(name, "trigger", "plpgsql", g.oneOf(TRIGGER_BODIES)));
            triggerFunctions.add(name);
        }
        if (g.chance()) {
            // a changed return type cannot be replaced in place
            functions.add(g.chance() ? new FunctionModel("helper_fn", "bigint", "sql", "SELECT 1::bigint")
                    : new FunctionModel("helper_fn", "integer", "sql", "SELECT 1"));
        }
        if (g.chance()) {
            // immutable, for a generated column to call; a changed result recreates it under the column
            functions.add(new FunctionModel("twice_fn", g.oneOf(List.of("integer", "bigint")), "sql", "SELECT v * 2")
                    .withArguments("v integer", "v integer")
                    .withAttributes("IMMUTABLE", false, false, false, null, null, null, List.of()));
        }
        routines(g, functions);
        boolean helper = functions.stream().anyMatch(f -> f.name().equals("helper_fn"));
        boolean twice = functions.stream().anyMatch(f -> f.name().equals("twice_fn"));

        boolean seqA = g.chance();

        Map<String, Boolean> withPk = new LinkedHashMap<>();
        for (String t : TABLES) if (g.pick(4) != 0) withPk.put(t, g.pick(5) != 0);

        List<TableModel> tables = new ArrayList<>();
        for (String t : withPk.keySet()) {
            List<ColumnModel> columns = new ArrayList<>();
            columns.add(new ColumnModel("id", g.oneOf(List.of("integer", "bigint")), true, null,
                    g.oneOf(nullAnd(ColumnModel.ALWAYS, ColumnModel.BY_DEFAULT)), null, null));
            List<String> numDefaults = nullAnd("0", "42");
            if (seqA) numDefaults.add("nextval('seq_a'::regclass)");
            column(g, columns, "c_num", g.oneOf(List.of("integer", "bigint")), g.oneOf(numDefaults));
            int last = columns.size() - 1;
            if (columns.get(last).name().equals("c_num") && columns.get(last).notNull() && g.pick(3) == 0) {
                // an identity instead of its default: the change between them drops or sets that default
                columns.set(last, new ColumnModel("c_num", columns.get(last).type(), true, null,
                        g.oneOf(List.of(ColumnModel.ALWAYS, ColumnModel.BY_DEFAULT)), null, null));
            }
            String txtType = g.oneOf(List.of("text", "character varying(20)", "character varying(40)"));
            column(g, columns, "c_txt", txtType, g.chance() ? null : txtType.equals("text") ? "'x'::text" : "'x'::character varying");
            if (has(columns, "c_txt") && g.chance()) {
                columns.set(columns.size() - 1, columns.get(columns.size() - 1).withComment(g.oneOf(List.of("the text", "it's text"))));
            }
            if (g.chance()) {
                // generated from id, whose type may change: then it is dropped and added again
                columns.add(new ColumnModel("c_gen", g.oneOf(List.of("integer", "bigint")), g.chance(), null, null,
                        g.oneOf(List.of("(id * 2)", "(id + 1)")), null));
            }
            column(g, columns, "c_json", "jsonb", g.oneOf(nullAnd("'{}'::jsonb")));
            column(g, columns, "c_arr", "text[]", g.oneOf(nullAnd("'{}'::text[]")));
            column(g, columns, "c_flag", "boolean", g.oneOf(nullAnd("false", "true")));
            column(g, columns, "c_ts", "timestamp with time zone", g.oneOf(nullAnd("now()")));
            // a default calling a routine that two draws may recreate (a new result): it goes around the DROP FUNCTION
            if (helper) columns.add(new ColumnModel("c_code", "bigint", g.chance(), "helper_fn()"));
            // a generated column calling a routine two draws may recreate: it is dropped and added around it
            if (twice) columns.add(new ColumnModel("c_twice", "bigint", false, null, null, "twice_fn(21)", null));
            column(g, columns, "c_mood", mood && g.chance() ? "mood" : "text", null);
            column(g, columns, "c_color", color && g.chance() ? "color" : "text", null);
            if (mood) column(g, columns, "c_moods", "mood[]", null);
            if (vector) column(g, columns, "c_vec", g.oneOf(List.of("vector(3)", "vector(4)")), null);
            List<ForeignKeyModel> fks = new ArrayList<>();
            for (String target : withPk.keySet()) {
                String col = target + "_id";
                if (!column(g, columns, col, g.oneOf(List.of("integer", "bigint")), null)) continue;
                if (withPk.get(target) && g.chance()) {
                    int options = g.pick(6); // mostly none, so that two draws often agree on them
                    fks.add(new ForeignKeyModel("fk_" + t + "_" + target, List.of(col), target, List.of("id"),
                            g.oneOf(List.of(ForeignKeyAction.NO_ACTION, ForeignKeyAction.CASCADE, ForeignKeyAction.SET_NULL,
                                    ForeignKeyAction.RESTRICT)),
                            g.oneOf(List.of(ForeignKeyAction.NO_ACTION, ForeignKeyAction.CASCADE)),
                            options == 3, options == 4, options == 5, g.pick(4) == 3));
                }
            }
            // a key that varies in NOT VALID alone, so that two draws often differ in that alone
            if (withPk.get(t) && g.pick(3) != 0) {
                fks.add(new ForeignKeyModel("fk_" + t + "_self", List.of("id"), t, List.of("id"), ForeignKeyAction.NO_ACTION,
                        ForeignKeyAction.NO_ACTION, false, false, false, g.chance()));
            }
            boolean num = has(columns, "c_num");
            boolean txt = has(columns, "c_txt");

            List<CheckModel> checks = new ArrayList<>();
            if (num && g.chance()) {
                checks.add(new CheckModel("ck_" + t + "_num", g.oneOf(List.of("(c_num > 0)", "(c_num >= 0)")), g.pick(4) == 3));
            }
            if (txt && g.chance()) checks.add(new CheckModel("ck_" + t + "_txt", "(c_txt IS NOT NULL)", g.chance()));

            List<KeyConstraint> uniques = new ArrayList<>();
            if (txt && g.chance()) {
                int options = g.pick(5);
                uniques.add(new KeyConstraint("uq_" + t + "_txt", List.of("c_txt"), options == 2, options == 3, options == 4));
            }
            if (num && txt && g.chance()) uniques.add(new KeyConstraint("uq_" + t + "_num_txt", List.of("c_num", "c_txt")));

            // printed as pg_get_constraintdef prints them
            List<ExclusionModel> exclusions = new ArrayList<>();
            if (num && g.chance()) {
                exclusions.add(new ExclusionModel("ex_" + t + "_num", "EXCLUDE USING btree (c_num WITH =)"
                        + g.oneOf(List.of("", "", " WHERE ((c_num > 0))")) + g.oneOf(List.of("", "", " DEFERRABLE",
                        " DEFERRABLE INITIALLY DEFERRED"))));
            }

            List<IndexModel> indexes = new ArrayList<>();
            if (txt && g.chance()) {
                List<String> predicates = new ArrayList<>(nullAnd("(c_txt IS NOT NULL)"));
                if (num) predicates.add("(c_num > 0)");
                boolean unique = g.chance();
                boolean options = g.chance();
                indexes.add(new IndexModel("ix_" + t + "_txt", unique, "btree",
                        List.of(new IndexKey("c_txt", null, g.chance(), options ? g.oneOf(nullAnd("C", "POSIX")) : null,
                                options ? g.oneOf(nullAnd("FIRST", "LAST")) : null)),
                        options ? g.oneOf(List.of(List.of(), List.of("fillfactor=70", "deduplicate_items=off"),
                                List.of("deduplicate_items=off", "fillfactor=70"))) : List.of(),
                        g.oneOf(predicates), options && num && g.chance() ? List.of("c_num") : List.of(),
                        options && unique && g.chance()));
            }
            if (txt && g.chance()) {
                String key = type(columns, "c_txt").equals("text") ? "(lower(c_txt))" : "(lower(c_txt::text))";
                indexes.add(new IndexModel("ix_" + t + "_lower", false, "btree", List.of(new IndexKey(key, null, false)),
                        Map.of(), null));
            }
            if (num && txt && g.chance()) {
                indexes.add(new IndexModel("ix_" + t + "_multi", false, "btree",
                        List.of(new IndexKey("c_num", null, false, null, g.oneOf(nullAnd("FIRST"))),
                                new IndexKey("c_txt", null, true, null, g.oneOf(nullAnd("LAST")))), Map.of(), null));
            }
            if (has(columns, "c_json") && g.chance()) {
                indexes.add(new IndexModel("ix_" + t + "_json", false, "gin",
                        List.of(new IndexKey("c_json", g.oneOf(nullAnd("jsonb_path_ops")), false)), Map.of(), null));
            }
            if (has(columns, "c_arr") && g.chance()) {
                indexes.add(new IndexModel("ix_" + t + "_arr", false, "gin", List.of(new IndexKey("c_arr", null, false)),
                        Map.of(), null));
            }
            if (has(columns, "c_vec") && g.chance()) {
                // vector_l2_ops is ivfflat's default opclass (inspected as null); hnsw has none
                indexes.add(g.chance()
                        ? new IndexModel("ix_" + t + "_vec", false, "ivfflat",
                                List.of(new IndexKey("c_vec", g.oneOf(nullAnd("vector_cosine_ops", "vector_ip_ops")), false)),
                                g.oneOf(List.of(Map.of(), Map.of("lists", "1"), Map.of("lists", "100"))), null)
                        : new IndexModel("ix_" + t + "_vec", false, "hnsw",
                                List.of(new IndexKey("c_vec", g.oneOf(List.of("vector_l2_ops", "vector_cosine_ops")), false)),
                                g.oneOf(List.of(List.of(), List.of("m=8"), List.of("m=16", "ef_construction=64"),
                                        List.of("ef_construction=64", "m=16"))), null));
            }

            List<TriggerModel> triggers = new ArrayList<>();
            if (!triggerFunctions.isEmpty() && g.chance()) {
                boolean row = g.chance();
                List<String> events = new ArrayList<>();
                for (String e : row ? List.of("INSERT", "UPDATE", "DELETE") : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
                    if (g.chance()) events.add(e);
                }
                if (events.isEmpty()) events.add("INSERT");
                triggers.add(triggerOptions(g, columns, new TriggerModel("trg_" + t, t, g.oneOf(List.of("BEFORE", "AFTER")),
                        events, row, g.oneOf(triggerFunctions))));
            }
            if (!triggerFunctions.isEmpty() && g.chance()) {
                // the same trigger in both schemas but for its state, which then changes in place
                triggers.add(new TriggerModel("trg_" + t + "_state", t, "AFTER", List.of("INSERT"), false,
                        triggerFunctions.get(0)).withEnabled(g.oneOf(java.util.Arrays.asList(null, TriggerModel.DISABLED,
                        TriggerModel.REPLICA, TriggerModel.ALWAYS))));
            }
            KeyConstraint pk = withPk.get(t) ? new KeyConstraint("pk_" + t, List.of("id")) : null;
            tables.add(TableModel.of(t, columns, pk, uniques, checks, fks, indexes, triggers,
                    g.oneOf(nullAnd("main table", "it's here"))).withExclusions(exclusions)
                    .withRowSecurity(rowSecurity(g, columns)));
        }
        List<SequenceModel> sequences = new ArrayList<>();
        if (seqA) sequences.add(sequence(g, "seq_a", null));
        if (g.chance()) {
            List<String> owners = nullAnd();
            for (TableModel t : tables) owners.add(t.name() + ".id");
            sequences.add(sequence(g, "seq_b", g.oneOf(owners)));
        }
        List<ViewModel> views = new ArrayList<>(views(g, tables));
        // drawn last, so that the genes before decode as they did before these kinds existed
        unlogged(g, tables);
        partitioned(g, tables);
        inheriting(g, tables);
        collations(g, tables, nullAnd("C", "POSIX"));
        viewIndexes(g, views);
        identityOptions(g, tables);
        List<org.somaagent01.migrator.model.DomainModel> domains = domains(g);
        List<org.somaagent01.migrator.model.CompositeTypeModel> compositeTypes = compositeTypes(g);
        if (!domains.isEmpty()) typedColumn(tables, "c_dom", "d_pos");
        List<CollationModel> custom = customCollations(g);
        if (!custom.isEmpty() && !custom.get(0).name().equals("unused_sort")) collations(g, tables, nullAnd(custom.get(0).name()));
        // a column of the composite type: its first attribute retyped between A and B is then swapped under it (when
        // both sides have the column: 13-16 changes in 200 tries); retyped in place when one side lacks it (8-14)
        if (!compositeTypes.isEmpty()) typedColumn(tables, "c_pair", "pair_t");
        SchemaModel schema = SchemaModel.of(vector ? List.of(new Extension("vector")) : List.of(), enums, tables, functions,
                sequences, views).withDomains(domains).withCompositeTypes(compositeTypes).withCollations(custom);
        return schema.withGrants(grants(g, schema)).withComments(objectComments(g, schema));
    }

    /** A domain whose base type, default, NOT NULL and CHECKs (one maybe NOT VALID) vary. */
    private static List<org.somaagent01.migrator.model.DomainModel> domains(Genome g) {
        if (!g.chance()) return List.of();
        List<org.somaagent01.migrator.model.CheckModel> checks = new ArrayList<>();
        if (g.chance()) checks.add(new org.somaagent01.migrator.model.CheckModel("ck_pos", "(VALUE > 0)"));
        if (g.chance()) {
            checks.add(new org.somaagent01.migrator.model.CheckModel("ck_small", g.oneOf(List.of("(VALUE < 1000)", "(VALUE < 100)")),
                    g.chance()));
        }
        return List.of(org.somaagent01.migrator.model.DomainModel.of("d_pos", g.oneOf(List.of("integer", "bigint")), null,
                g.oneOf(nullAnd("0", "1")), g.chance(), checks));
    }

    /** A composite type whose attributes are a prefix of a fixed list (added ones come last), the first retyped. */
    private static List<org.somaagent01.migrator.model.CompositeTypeModel> compositeTypes(Genome g) {
        if (!g.chance()) return List.of();
        List<org.somaagent01.migrator.model.CompositeTypeModel.Attribute> all = List.of(
                new org.somaagent01.migrator.model.CompositeTypeModel.Attribute("x", g.oneOf(List.of("integer", "bigint"))),
                new org.somaagent01.migrator.model.CompositeTypeModel.Attribute("y", "text"),
                new org.somaagent01.migrator.model.CompositeTypeModel.Attribute("z", g.oneOf(List.of("numeric(10,2)", "numeric(12,2)"))));
        return List.of(new org.somaagent01.migrator.model.CompositeTypeModel("pair_t", all.subList(0, 1 + g.pick(3))));
    }

    /**
     * Perhaps one table made UNLOGGED: one that no other table references (a logged table may not reference an
     * unlogged one).
     */
    private static void unlogged(Genome g, List<TableModel> tables) {
        if (tables.isEmpty() || !g.chance()) return;
        int i = g.pick(tables.size());
        String name = tables.get(i).name();
        boolean referenced = tables.stream().anyMatch(t -> !t.name().equals(name)
                && t.foreignKeys().values().stream().anyMatch(fk -> fk.targetTable().equals(name)));
        if (!referenced) tables.set(i, tables.get(i).withLayout(TableLayout.PLAIN.withUnlogged(true)));
    }

    /**
     * Perhaps t_part, partitioned by range (mostly) or list of {@code at}, with partitions whose bounds vary between
     * draws, a default one, one sub-partitioned by hash and one unlogged; bounds as pg_get_expr prints them.
     */
    private static void partitioned(Genome g, List<TableModel> tables) {
        if (!g.chance()) return;
        boolean list = g.pick(4) == 3;
        List<ColumnModel> columns = new ArrayList<>(List.of(new ColumnModel("id", "integer", true, null),
                new ColumnModel("at", "integer", true, null)));
        if (g.chance()) columns.add(new ColumnModel("c_txt", "text", g.chance(), g.oneOf(nullAnd("'x'::text"))));
        List<CheckModel> checks = g.chance() ? List.of(new CheckModel("ck_t_part_id", g.oneOf(List.of("(id > 0)", "(id >= 0)")),
                false)) : List.of();
        List<IndexModel> indexes = g.chance() ? List.of(new IndexModel("ix_t_part_at", false, "btree",
                List.of(new IndexKey("at", null, g.chance())), Map.of(), null)) : List.of();
        KeyConstraint pk = g.chance() ? new KeyConstraint("pk_t_part", List.of("id", "at")) : null;
        tables.add(TableModel.of("t_part", columns, pk, List.of(), checks, List.of(), indexes, List.of(), null)
                .withLayout(TableLayout.partitioned(list ? "LIST (at)" : "RANGE (at)")));
        String first = list ? g.oneOf(List.of("FOR VALUES IN (1)", "FOR VALUES IN (1, 2)"))
                : g.oneOf(List.of("FOR VALUES FROM (0) TO (10)", "FOR VALUES FROM (0) TO (20)"));
        TableLayout one = TableLayout.partitionOf("t_part", first);
        boolean hashed = g.chance();
        tables.add(partition("t_part_1", hashed ? one.withPartitionBy("HASH (id)") : one));
        if (hashed) tables.add(partition("t_part_1_h", TableLayout.partitionOf("t_part_1", "FOR VALUES WITH (modulus 1, remainder 0)")));
        if (g.chance()) {
            tables.add(partition("t_part_2", TableLayout.partitionOf("t_part", list ? "FOR VALUES IN (20)"
                    : "FOR VALUES FROM (20) TO (30)").withUnlogged(g.chance())));
        }
        if (g.chance()) tables.add(partition("t_part_def", TableLayout.partitionOf("t_part", "DEFAULT")));
    }

    /**
     * Perhaps t_base, and t_kid inheriting it (or not: a rebuild), with a column and perhaps a CHECK of its own;
     * t_base's columns come and go and change type under t_kid. (Not the other tables: PostgreSQL cannot add an
     * identity column to a table with children.)
     */
    private static void inheriting(Genome g, List<TableModel> tables) {
        if (!g.chance()) return;
        List<ColumnModel> columns = new ArrayList<>(List.of(new ColumnModel("id", "integer", true, null)));
        if (g.chance()) columns.add(new ColumnModel("c_base", g.oneOf(List.of("text", "character varying(20)")), g.chance(), null));
        List<CheckModel> baseChecks = g.chance() ? List.of(new CheckModel("ck_t_base", "(id > 0)", g.chance())) : List.of();
        tables.add(TableModel.of("t_base", columns, null, List.of(), baseChecks, List.of(), List.of(), List.of(), null));
        if (!g.chance()) return;
        List<CheckModel> checks = g.chance() ? List.of(new CheckModel("ck_t_kid", "(c_kid <> ''::text)", false)) : List.of();
        tables.add(TableModel.of("t_kid", List.of(new ColumnModel("c_kid", "text", g.chance(), null)), null, List.of(), checks,
                List.of(), List.of(), List.of(), null)
                .withLayout(g.pick(4) == 0 ? TableLayout.PLAIN : TableLayout.PLAIN.withInherits(List.of("t_base"))));
    }

    /**
     * Perhaps a COLLATE on c_txt, where no index reads it (an index key's collation is inspected relative to the
     * column's).
     */
    private static void collations(Genome g, List<TableModel> tables, List<String> choices) {
        for (int i = 0; i < tables.size(); i++) {
            TableModel t = tables.get(i);
            if (t.column("c_txt").isEmpty() || t.indexes().values().stream().anyMatch(ix -> ix.toString().contains("c_txt"))) continue;
            String drawn = g.oneOf(choices);
            String collation = g.chance() ? null : drawn;
            if (collation == null) continue;
            List<ColumnModel> columns = t.columns().stream()
                    .map(c -> c.name().equals("c_txt") ? c.withCollation(collation) : c).toList();
            tables.set(i, TableModel.of(t.name(), columns, t.primaryKey(), t.uniques().values(), t.checks().values(),
                    t.foreignKeys().values(), t.indexes().values(), t.triggers().values(), t.comment())
                    .withExclusions(t.exclusions().values()).withRowSecurity(t.rowSecurity()).withLayout(t.layout()));
        }
    }

    /**
     * A column of a type of the schema (the domain, the composite type) on the first table, last: a type that changes
     * in a way ALTER cannot do under a column is then swapped under it.
     */
    private static void typedColumn(List<TableModel> tables, String name, String type) {
        if (tables.isEmpty()) return;
        TableModel t = tables.get(0);
        List<ColumnModel> columns = new ArrayList<>(t.columns());
        columns.add(new ColumnModel(name, type, false, null));
        tables.set(0, TableModel.of(t.name(), columns, t.primaryKey(), t.uniques().values(), t.checks().values(),
                t.foreignKeys().values(), t.indexes().values(), t.triggers().values(), t.comment())
                .withExclusions(t.exclusions().values()).withRowSecurity(t.rowSecurity()).withLayout(t.layout()));
    }

    /**
     * Perhaps collations of the schema's own: first one that c_txt columns may then use (defined anew between A and B
     * at times, and then swapped under them), then perhaps one no column uses, whose definition varies too.
     */
    private static List<CollationModel> customCollations(Genome g) {
        List<CollationModel> out = new ArrayList<>();
        if (g.pick(3) == 0) {
            out.add(g.chance() ? CollationModel.icu("by_number", g.oneOf(List.of("en-u-kn-true", "de-u-kn-true")), true)
                    : CollationModel.libc("posix_copy", "POSIX"));
        }
        if (g.pick(3) == 0) out.add(CollationModel.icu("unused_sort", g.oneOf(List.of("en", "de-u-co-phonebk")), g.chance()));
        return out;
    }

    /** Perhaps sequence options on identity columns: another start and step, a bound and cache, or a cycle. */
    private static void identityOptions(Genome g, List<TableModel> tables) {
        for (int i = 0; i < tables.size(); i++) {
            TableModel t = tables.get(i);
            if (t.columns().stream().noneMatch(c -> c.identity() != null)) continue;
            List<ColumnModel> columns = t.columns().stream().map(c -> c.identity() == null || g.pick(3) != 0 ? c
                    : c.withIdentityOptions(g.oneOf(List.of(
                            new org.somaagent01.migrator.model.IdentityOptions(100, 5, 1,
                                    org.somaagent01.migrator.model.IdentityOptions.defaults(c.type()).max(), 1, false),
                            new org.somaagent01.migrator.model.IdentityOptions(1, 1, 1, 1000000, 10, false),
                            new org.somaagent01.migrator.model.IdentityOptions(1, 2, 1, 5000, 1, true))))).toList();
            tables.set(i, TableModel.of(t.name(), columns, t.primaryKey(), t.uniques().values(), t.checks().values(),
                    t.foreignKeys().values(), t.indexes().values(), t.triggers().values(), t.comment())
                    .withExclusions(t.exclusions().values()).withRowSecurity(t.rowSecurity()).withLayout(t.layout()));
        }
    }

    /** Perhaps an index on the materialized v_main: created after it, changed by recreating it. */
    private static void viewIndexes(Genome g, List<ViewModel> views) {
        for (int i = 0; i < views.size(); i++) {
            ViewModel v = views.get(i);
            if (!v.materialized() || !g.chance()) continue;
            views.set(i, v.withIndexes(List.of(new IndexModel("ix_" + v.name() + "_id", g.chance(), "btree",
                    List.of(new IndexKey("id", null, g.chance())), Map.of(), null))));
        }
    }

    private static TableModel partition(String name, TableLayout layout) {
        return TableModel.of(name, List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), null).withLayout(layout);
    }

    private static SequenceModel sequence(Genome g, String name, String ownedBy) {
        // the bounds always hold the start, so ALTER SEQUENCE never finds the position outside them
        String type = g.oneOf(List.of("bigint", "integer"));
        long max = g.chance() ? 1_000_000 : type.equals("bigint") ? Long.MAX_VALUE : Integer.MAX_VALUE;
        return new SequenceModel(name, type, g.oneOf(List.of(1L, 100L)), g.oneOf(List.of(1L, 5L)), 1, max,
                g.oneOf(List.of(1L, 10L)), g.chance(), ownedBy);
    }

    /**
     * A view over the first table, in one of a few shapes (as pg_get_viewdef prints them, with what pg_depend
     * records it reads), possibly materialized, and possibly a view over that view.
     */
    private static List<ViewModel> views(Genome g, List<TableModel> tables) {
        List<ViewModel> out = new ArrayList<>();
        if (tables.isEmpty() || !g.chance()) return out;
        TableModel t = tables.get(0);
        String n = t.name();
        int shape = g.pick(3);
        if (shape == 1 && t.column("c_num").isEmpty()) shape = 0;
        boolean materialized = g.pick(3) == 0;
        String definition;
        List<String> reads;
        if (shape == 0) {
            definition = " SELECT " + n + ".id\n   FROM " + n + ";";
            reads = List.of(n + ".id");
        } else if (shape == 1) {
            definition = " SELECT " + n + ".id,\n    " + n + ".c_num\n   FROM " + n + "\n  WHERE (" + n + ".c_num > 0);";
            reads = List.of(n + ".id", n + ".c_num");
        } else {
            definition = " SELECT count(*) AS id\n   FROM " + n + ";";
            reads = List.of(n);
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (!materialized) {
            if (g.chance()) options.put("security_invoker", "true");
            // WITH CHECK OPTION needs an updatable view: no aggregate
            if (shape != 2 && g.chance()) options.put("check_option", g.oneOf(List.of("local", "cascaded")));
        }
        out.add(new ViewModel("v_main", materialized, definition, options, reads));
        if (g.chance()) out.add(new ViewModel("v_top", false, " SELECT v_main.id\n   FROM v_main;", Map.of(), List.of("v_main.id")));
        return out;
    }

    private static boolean column(Genome g, List<ColumnModel> columns, String name, String type, String dflt) {
        if (!g.chance()) return false;
        columns.add(new ColumnModel(name, type, g.chance(), dflt));
        return true;
    }

    private static boolean has(List<ColumnModel> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    private static String type(List<ColumnModel> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().type();
    }

    private static List<String> nullAnd(String... values) {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(List.of(values));
        return out;
    }

    /**
     * Row-level security flags and up to two policies, over columns whose type may change (then the policy is dropped
     * and created around it), for roles every server has (PostgreSQL's predefined ones), with clauses that fit the
     * command; expressions as pg_get_expr prints them.
     */
    private static org.somaagent01.migrator.model.RowSecurity rowSecurity(Genome g, List<ColumnModel> columns) {
        if (g.pick(3) == 0) return null;
        List<String> conditions = new ArrayList<>(List.of("(id > 0)", "true"));
        if (has(columns, "c_num")) conditions.add("(c_num > 0)");
        if (has(columns, "c_txt")) conditions.add("(c_txt IS NOT NULL)");
        List<List<String>> roles = List.of(List.of(), List.of("pg_read_all_data"), List.of("pg_read_all_data", "pg_write_all_data"));
        List<org.somaagent01.migrator.model.PolicyModel> policies = new ArrayList<>();
        for (String name : List.of("pol_a", "pol_b")) {
            if (!g.chance()) continue;
            // mostly SELECT: two independent sides then often keep a policy's command, which ALTER POLICY needs
            String command = g.pick(3) != 0 ? "SELECT" : g.oneOf(List.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE"));
            boolean using = !command.equals("INSERT") && (command.equals("SELECT") || command.equals("DELETE") || g.chance());
            boolean check = (command.equals("ALL") || command.equals("UPDATE")) && g.chance() || command.equals("INSERT");
            policies.add(new org.somaagent01.migrator.model.PolicyModel(name, g.pick(4) != 0, command, g.oneOf(roles),
                    using ? g.oneOf(conditions) : null, check ? g.oneOf(conditions) : null));
        }
        return org.somaagent01.migrator.model.RowSecurity.of(g.chance(), g.pick(3) == 0, policies);
    }

    /**
     * A few privileges beyond the defaults, on objects the schema has (tables, a column, the view, a sequence, a
     * function, the schema), to PostgreSQL's predefined roles, some WITH GRANT OPTION.
     */
    private static List<org.somaagent01.migrator.model.GrantModel> grants(Genome g, SchemaModel schema) {
        List<org.somaagent01.migrator.model.GrantModel> out = new ArrayList<>();
        List<String> roles = List.of("pg_read_all_data", "pg_write_all_data", "public");
        for (TableModel t : schema.tables().values()) {
            if (g.pick(3) == 0) out.add(grant("TABLE", t.name(), g.oneOf(roles), g.oneOf(List.of("SELECT", "INSERT")), g.pick(3) == 0));
            if (t.column("c_txt").isPresent() && g.pick(3) == 0) {
                out.add(grant("COLUMN", t.name() + ".c_txt", g.oneOf(roles), g.oneOf(List.of("SELECT", "UPDATE")), false));
            }
        }
        for (ViewModel v : schema.views().values()) if (g.pick(3) == 0) out.add(grant("TABLE", v.name(), g.oneOf(roles), "SELECT", false));
        for (SequenceModel q : schema.sequences().values()) {
            if (g.pick(3) == 0) out.add(grant("SEQUENCE", q.name(), g.oneOf(roles), g.oneOf(List.of("USAGE", "SELECT")), false));
        }
        // functions have EXECUTE to PUBLIC by default: another role
        if (schema.functions().containsKey("helper_fn") && g.chance()) {
            out.add(grant("FUNCTION", "helper_fn()", g.oneOf(roles.subList(0, 2)), "EXECUTE", g.chance()));
        }
        // a default taken away: EXECUTE revoked from PUBLIC
        if (schema.functions().containsKey("helper_fn") && g.pick(4) == 0) {
            out.add(new org.somaagent01.migrator.model.GrantModel("FUNCTION", "helper_fn()", "public", "EXECUTE", false, true));
        }
        if (g.pick(4) == 0) out.add(grant("SCHEMA", "public", g.oneOf(roles.subList(0, 2)), g.oneOf(List.of("USAGE", "CREATE")), false));
        return out;
    }

    private static org.somaagent01.migrator.model.GrantModel grant(String kind, String object, String grantee, String privilege,
                                                                   boolean option) {
        // PUBLIC cannot hold a grant option
        return new org.somaagent01.migrator.model.GrantModel(kind, object, grantee, privilege, option && !grantee.equals("public"));
    }

    /** Comments on some of the views, a view column, sequences, indexes and constraints the schema has. */
    private static Map<String, String> objectComments(Genome g, SchemaModel schema) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> texts = List.of("about it", "it's another");
        for (ViewModel v : schema.views().values()) {
            if (g.pick(3) == 0) out.put(SchemaModel.commentKey(v.materialized() ? "MATERIALIZED VIEW" : "VIEW", v.name()), g.oneOf(texts));
            if (g.pick(4) == 0) out.put(SchemaModel.commentKey("COLUMN", v.name() + ".id"), g.oneOf(texts));
        }
        for (SequenceModel q : schema.sequences().values()) if (g.pick(3) == 0) out.put(SchemaModel.commentKey("SEQUENCE", q.name()), g.oneOf(texts));
        for (TableModel t : schema.tables().values()) {
            for (IndexModel ix : t.indexes().values()) if (g.pick(4) == 0) out.put(SchemaModel.commentKey("INDEX", ix.name()), g.oneOf(texts));
            for (CheckModel ck : t.checks().values()) {
                if (g.pick(4) == 0) out.put(SchemaModel.commentKey("CONSTRAINT", t.name() + "." + ck.name()), g.oneOf(texts));
            }
            if (t.primaryKey() != null && g.pick(4) == 0) {
                out.put(SchemaModel.commentKey("CONSTRAINT", t.name() + "." + t.primaryKey().name()), g.oneOf(texts));
            }
            for (ForeignKeyModel fk : t.foreignKeys().values()) {
                if (g.pick(5) == 0) out.put(SchemaModel.commentKey("CONSTRAINT", t.name() + "." + fk.name()), g.oneOf(texts));
            }
        }
        return out;
    }

    /**
     * Routines with arguments and attributes: overloads of one name, a default that changes (recreated), attributes
     * and a body that change (replaced), a procedure.
     */
    private static void routines(Genome g, List<FunctionModel> functions) {
        if (g.chance()) {
            FunctionModel calc = new FunctionModel("calc_fn", "integer", "plpgsql", g.oneOf(List.of("BEGIN RETURN a + b; END",
                    "BEGIN RETURN a * b; END"))).withArguments("a integer, b integer DEFAULT " + g.oneOf(List.of("1", "2")),
                    "a integer, b integer");
            if (g.chance()) {
                calc = calc.withAttributes(g.oneOf(List.of("IMMUTABLE", "STABLE")), g.chance(), g.chance(), false,
                        g.oneOf(java.util.Arrays.asList(null, "SAFE", "RESTRICTED")), g.oneOf(java.util.Arrays.asList(null, 5.0, 250.0)),
                        null, g.oneOf(List.of(List.of(), List.of("search_path=public, pg_temp"), List.of("work_mem=64MB"))));
            }
            functions.add(calc);
        }
        if (g.chance()) {
            functions.add(new FunctionModel("calc_fn", g.oneOf(List.of("text", "SETOF text")), "sql", "SELECT a")
                    .withArguments("a text", "a text"));
        }
        if (g.chance()) {
            functions.add(FunctionModel.ofProcedure("bump_proc", "IN n integer, INOUT total integer", "IN n integer, INOUT total integer",
                    "plpgsql", g.oneOf(List.of("BEGIN total := total + n; END", "BEGIN total := total - n; END"))));
        }
    }

    /**
     * {@code UPDATE OF} columns (in a random order, which PostgreSQL keeps), a {@code WHEN} condition reading a
     * column whose type may change (then the trigger is dropped and created around it), arguments, a constraint
     * trigger, and the enabled state.
     */
    private static TriggerModel triggerOptions(Genome g, List<ColumnModel> columns, TriggerModel trg) {
        if (!trg.forEachRow()) return trg.withArguments(g.chance() ? List.of() : List.of("stmt"));
        List<String> of = new ArrayList<>();
        if (trg.events().contains("UPDATE")) {
            for (String c : List.of("c_txt", "c_num", "c_flag")) if (has(columns, c) && g.pick(3) == 0) of.add(g.pick(2) == 0 ? 0 : of.size(), c);
        }
        String when = null;
        if (!trg.events().contains("DELETE") && g.chance()) {
            List<String> conditions = new ArrayList<>();
            if (has(columns, "c_num")) conditions.add("(new.c_num > 0)");
            if (has(columns, "c_txt")) conditions.add("(new.c_txt IS NOT NULL)");
            if (!conditions.isEmpty()) when = g.oneOf(conditions);
        }
        TriggerModel out = trg.withCondition(of, when).withArguments(g.oneOf(List.of(List.of(), List.of("a", "it's"))));
        if (trg.timing().equals("AFTER") && g.pick(3) == 0) {
            boolean deferred = g.chance();
            out = out.asConstraint(deferred || g.chance(), deferred);
        }
        return out.withEnabled(g.pick(4) == 0 ? TriggerModel.DISABLED : null);
    }
}
