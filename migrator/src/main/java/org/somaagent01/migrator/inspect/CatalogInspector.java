package org.somaagent01.migrator.inspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.CollationModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.CompositeTypeModel;
import org.somaagent01.migrator.model.DomainModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.Extension;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.IdentityOptions;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableLayout;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.migrator.model.ViewModel;

/**
 * Reads a live schema from {@code pg_catalog} into a {@link SchemaModel}, in a fixed number of queries whatever
 * the number of tables (one per object kind). Text forms come from PostgreSQL's own printers
 * ({@code format_type}, {@code pg_get_expr}) so they compare equal to declarations written in those forms.
 */
public final class CatalogInspector {
    /** Queries issued per inspection; constant by design. */
    public static final int QUERY_COUNT = 15;

    /** Queries added by {@link #withPrivileges(boolean)}: one, whatever the number of objects. */
    public static final int PRIVILEGE_QUERIES = 1;

    private final String schema;
    private final boolean privileges;

    public CatalogInspector(String schema) {
        this(schema, false);
    }

    private CatalogInspector(String schema, boolean privileges) {
        this.schema = schema;
        this.privileges = privileges;
    }

    /** Reads privileges too (--with-privileges): the model then holds every grant beyond the objects' defaults. */
    public CatalogInspector withPrivileges(boolean on) {
        return new CatalogInspector(schema, on);
    }

    public SchemaModel inspect(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            // types print unqualified only when their schema is on the search path; the catalog queries are small
            // joins over whole catalogs: compiling them (JIT) or starting parallel workers costs more than they
            // take, and their sorts (80,000 column rows at 10,000 tables) should not spill to disk
            try (var st = connection.createStatement()) {
                st.execute("SET LOCAL search_path TO " + org.somaagent01.migrator.sql.Sql.ident(schema)
                        + "; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL work_mem = '64MB'");
            }
            Comments comments = objectComments(connection);
            Map<String, List<Numbered>> numbered = new HashMap<>();
            Map<String, TableBuilder> tables = columns(connection, numbered, comments);
            constraints(connection, tables, numbered);
            // indexes and triggers of views are read with the tables' ones: view name -> its own
            Map<String, List<IndexModel>> viewIndexes = indexes(connection, tables, numbered);
            Map<String, List<TriggerModel>> viewTriggers = triggers(connection, tables);
            layouts(connection, tables);
            List<TableModel> built = rowSecurity(connection, tables.values().stream().map(TableBuilder::build).toList());
            Map<String, org.somaagent01.migrator.model.IdentityOptions> serialOptions = new HashMap<>();
            List<SequenceModel> sequences = sequences(connection, built, serialOptions);
            built = withSerialOptions(built, serialOptions);
            List<Extension> extensions = extensions(connection);
            List<EnumType> enums = enums(connection);
            List<FunctionModel> functions = functions(connection);
            List<ViewModel> views = withIndexesAndTriggers(views(connection), viewIndexes, viewTriggers);
            List<DomainModel> domains = domains(connection);
            List<CompositeTypeModel> compositeTypes = compositeTypes(connection);
            List<CollationModel> collations = collations(connection);
            return SchemaModel.of(extensions, enums, built, functions, sequences, views,
                    privileges ? grants(connection) : null, comments.others(), domains, compositeTypes, collations);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private List<Extension> extensions(Connection c) throws SQLException {
        List<Extension> out = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'", false)) {
            while (rs.next()) out.add(new Extension(rs.getString(1)));
        }
        return out;
    }

    private List<EnumType> enums(Connection c) throws SQLException {
        List<EnumType> out = new ArrayList<>();
        try (ResultSet rs = query(c, InspectorQueries.get("enums"), true)) {
            while (rs.next()) out.add(new EnumType(rs.getString(1), strings(rs.getArray(2))));
        }
        return out;
    }

    /** A column by its number: what names a constraint's or an index's key, and the collation it has. */
    private record Numbered(String name, long collation) {}

    /**
     * The schema's tables with their own columns; {@code numbered} receives every column of every table and
     * materialized view of the schema by its number (inherited columns and extension members' tables too).
     */
    private Map<String, TableBuilder> columns(Connection c, Map<String, List<Numbered>> numbered, Comments comments)
            throws SQLException {
        // a default cannot refer to columns, so it is printed without its table (pg_get_expr with a relation opens
        // it, a relcache build per table), a generated column's expression with it
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        try (ResultSet rs = query(c, InspectorQueries.get("columns"), true)) {
            while (rs.next()) {
                String table = rs.getString(1);
                String column = rs.getString(2);
                List<Numbered> byNumber = numbered.computeIfAbsent(table, n -> new ArrayList<>());
                if (column != null) {
                    // rows come in column-number order; a dropped column leaves a gap
                    int number = rs.getInt(15);
                    while (byNumber.size() < number - 1) byNumber.add(null);
                    byNumber.add(new Numbered(column, rs.getLong(18)));
                }
                if (rs.getBoolean(17)) continue; // a materialized view, or a table of an extension: only names keys
                TableBuilder t = tables.computeIfAbsent(table, TableBuilder::new);
                t.comment = comments.tables().get(table);
                if (column != null && rs.getBoolean(16)) {
                    String identity = switch (rs.getString(6)) {
                        case "a" -> ColumnModel.ALWAYS;
                        case "d" -> ColumnModel.BY_DEFAULT;
                        default -> null;
                    };
                    // a generated column's expression is stored where a default would be
                    boolean generated = "s".equals(rs.getString(7));
                    t.columns.add(new ColumnModel(column, rs.getString(3), rs.getBoolean(4),
                            generated ? null : rs.getString(5), identity, generated ? rs.getString(5) : null,
                            comments.column(table, column), rs.getString(8),
                            identity == null || rs.getObject(9) == null ? null : new IdentityOptions(rs.getLong(9),
                                    rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getBoolean(14))));
                }
            }
        }
        return tables;
    }

    private void constraints(Connection c, Map<String, TableBuilder> tables, Map<String, List<Numbered>> numbered)
            throws SQLException {
        // key columns come as numbers and are named from the columns read before: joining pg_attribute to name them
        // took two thirds of this query; only a foreign key to another schema's table has them named by the query
        try (ResultSet rs = query(c, InspectorQueries.get("constraints"), 2)) {
            while (rs.next()) {
                TableBuilder t = tables.get(rs.getString(1));
                if (t == null) continue;
                String name = rs.getString(2);
                String kind = rs.getString(3);
                boolean deferrable = rs.getBoolean(12);
                boolean deferred = rs.getBoolean(13);
                boolean notValid = rs.getBoolean(14);
                switch (kind) {
                    case "p" -> t.primaryKey = new KeyConstraint(name, keyNames(numbered, t.name, rs.getString(4)),
                            false, deferrable, deferred);
                    case "u" -> t.uniques.add(new KeyConstraint(name, keyNames(numbered, t.name, rs.getString(4)),
                            rs.getBoolean(15), deferrable, deferred));
                    case "c" -> t.checks.add(new CheckModel(name, rs.getString(5), notValid));
                    case "x" -> t.exclusions.add(new ExclusionModel(name, rs.getString(5)));
                    default -> {
                        String target = rs.getString(6);
                        Array otherSchema = rs.getArray(8);
                        List<String> referenced = otherSchema != null ? strings(otherSchema)
                                : keyNames(numbered, target, rs.getString(7));
                        t.foreignKeys.add(new ForeignKeyModel(name, keyNames(numbered, t.name, rs.getString(4)),
                                target, referenced, ForeignKeyAction.fromCatalogCode(rs.getString(9).charAt(0)),
                                ForeignKeyAction.fromCatalogCode(rs.getString(10).charAt(0)), rs.getBoolean(11),
                                deferrable, deferred, notValid));
                    }
                }
            }
        }
    }

    /** The names of a key's columns, given as PostgreSQL prints a smallint array ({@code {2,1}}). */
    private static List<String> keyNames(Map<String, List<Numbered>> numbered, String table, String numbers) {
        List<String> out = new ArrayList<>();
        if (numbers == null || numbers.length() <= 2) return out;
        for (String n : numbers.substring(1, numbers.length() - 1).split(",")) {
            out.add(column(numbered, table, Integer.parseInt(n)).name());
        }
        return out;
    }

    private static Numbered column(Map<String, List<Numbered>> numbered, String table, int number) {
        List<Numbered> columns = numbered.get(table);
        Numbered column = columns == null || number < 1 || number > columns.size() ? null : columns.get(number - 1);
        if (column == null) {
            throw new IllegalStateException("a key of " + table + " names column number " + number
                    + ", which the catalog query did not read");
        }
        return column;
    }

    private Map<String, List<IndexModel>> indexes(Connection c, Map<String, TableBuilder> tables,
                                                  Map<String, List<Numbered>> numbered) throws SQLException {
        // one row per index column, keys then INCLUDE columns (the index's own pg_attribute rows 1..indnatts, a join
        // where a generate_series per index would be a function call each); indexes that back a constraint belong to
        // the constraint, not here; an invalid index (a failed CONCURRENTLY build) is not the index it was meant to be:
        // it is left out, and reported as outside the model (UnmodelledObjects). A key column comes as its number
        // and is named from the columns read before (joining pg_attribute for it was a third of this query); its
        // collation is printed where it is not the column's (an expression's: its type's), as pg_get_indexdef does
        Map<String, List<IndexModel>> viewIndexes = new HashMap<>();
        Map<String, IndexBuilder> byName = new LinkedHashMap<>();
        try (ResultSet rs = query(c, InspectorQueries.get("indexes"), true)) {
            while (rs.next()) {
                IndexBuilder ix = byName.computeIfAbsent(rs.getString(2), n -> new IndexBuilder());
                ix.table = rs.getString(1);
                ix.name = rs.getString(2);
                ix.unique = rs.getBoolean(3);
                ix.method = rs.getString(4);
                int number = rs.getInt(15);
                Numbered column = number == 0 ? null : column(numbered, ix.table, number);
                String key = column == null ? rs.getString(6) : column.name();
                long collation = rs.getLong(16);
                long usual = column == null ? rs.getLong(17) : column.collation();
                boolean ownCollation = collation != 0 && collation != usual;
                if (rs.getBoolean(11)) {
                    ix.include.add(key);
                } else {
                    ix.keys.add(new IndexModel.IndexKey(key, rs.getString(7), rs.getBoolean(8),
                            ownCollation ? rs.getString(13) : null, rs.getString(12)));
                }
                ix.with = strings(rs.getArray(9));
                ix.predicate = rs.getString(10);
                ix.nullsNotDistinct = rs.getBoolean(14);
            }
        }
        for (IndexBuilder ix : byName.values()) {
            TableBuilder t = tables.get(ix.table);
            IndexModel index = new IndexModel(ix.name, ix.unique, ix.method, ix.keys, ix.with, ix.predicate, ix.include,
                    ix.nullsNotDistinct);
            if (t != null) t.indexes.add(index);
            else viewIndexes.computeIfAbsent(ix.table, n -> new ArrayList<>()).add(index);
        }
        return viewIndexes;
    }

    /** Triggers with their conditions, arguments, constraint options, transition tables and enabled state. */
    private Map<String, List<TriggerModel>> triggers(Connection c, Map<String, TableBuilder> tables) throws SQLException {
        Map<String, List<TriggerModel>> viewTriggers = new HashMap<>();
        try (ResultSet rs = query(c, InspectorQueries.get("triggers"), true)) {
            while (rs.next()) {
                TableBuilder t = tables.get(rs.getString(2));
                String relation = rs.getString(2);
                int type = rs.getInt(3);
                // tgtype bits, from PostgreSQL's trigger.h
                String timing = (type & 2) != 0 ? "BEFORE" : (type & 64) != 0 ? "INSTEAD OF" : "AFTER";
                List<String> events = new ArrayList<>();
                if ((type & 4) != 0) events.add("INSERT");
                if ((type & 8) != 0) events.add("DELETE");
                if ((type & 16) != 0) events.add("UPDATE");
                if ((type & 32) != 0) events.add("TRUNCATE");
                TriggerDefinition def = TriggerDefinition.parse(rs.getString(5));
                String enabled = switch (rs.getString(12)) {
                    case "D" -> TriggerModel.DISABLED;
                    case "R" -> TriggerModel.REPLICA;
                    case "A" -> TriggerModel.ALWAYS;
                    default -> null;
                };
                TriggerModel trigger = new TriggerModel(rs.getString(1), relation, timing, events, (type & 1) != 0,
                        rs.getString(4), strings(rs.getArray(6)), def.when(), def.arguments(), rs.getBoolean(7),
                        rs.getBoolean(8), rs.getBoolean(9), rs.getString(10), rs.getString(11), enabled);
                if (t != null) t.triggers.add(trigger);
                else viewTriggers.computeIfAbsent(relation, n -> new ArrayList<>()).add(trigger);
            }
        }
        return viewTriggers;
    }

    /** Collations defined in the schema, by provider (the database default provider cannot be created). */
    private List<CollationModel> collations(Connection c) throws SQLException {
        List<CollationModel> out = new ArrayList<>();
        try (ResultSet rs = query(c, InspectorQueries.get("collations"), true)) {
            while (rs.next()) {
                String provider = rs.getString(2).equals("i") ? CollationModel.ICU : CollationModel.LIBC;
                out.add(new CollationModel(rs.getString(1), provider, rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6)));
            }
        }
        return out;
    }

    /** Domains, one row per CHECK (or one without, for a domain with none). */
    private List<DomainModel> domains(Connection c) throws SQLException {
        Map<String, DomainModel> byName = new LinkedHashMap<>();
        Map<String, List<CheckModel>> checks = new HashMap<>();
        try (ResultSet rs = query(c, InspectorQueries.get("domains"), true)) {
            while (rs.next()) {
                String name = rs.getString(1);
                byName.putIfAbsent(name, new DomainModel(name, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), null));
                List<CheckModel> list = checks.computeIfAbsent(name, n -> new ArrayList<>());
                if (rs.getString(6) != null) list.add(new CheckModel(rs.getString(6), rs.getString(7), rs.getBoolean(8)));
            }
        }
        return byName.values().stream().map(d -> DomainModel.of(d.name(), d.type(), d.collation(), d.defaultExpression(),
                d.notNull(), checks.get(d.name()))).toList();
    }

    /** Composite types of their own ({@code CREATE TYPE … AS (…)}), not tables' row types. */
    private List<CompositeTypeModel> compositeTypes(Connection c) throws SQLException {
        Map<String, List<CompositeTypeModel.Attribute>> byName = new LinkedHashMap<>();
        try (ResultSet rs = query(c, InspectorQueries.get("composite-types"), true)) {
            while (rs.next()) {
                List<CompositeTypeModel.Attribute> attributes = byName.computeIfAbsent(rs.getString(1), n -> new ArrayList<>());
                if (rs.getString(2) != null) {
                    attributes.add(new CompositeTypeModel.Attribute(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return byName.entrySet().stream().map(e -> new CompositeTypeModel(e.getKey(), e.getValue())).toList();
    }

    /**
     * Functions and procedures with their arguments and attributes. Aggregates, window functions and routines with
     * an SQL-standard body ({@code BEGIN ATOMIC}, {@code prosqlbody}) and C or internal ones (a library symbol, not a
     * body) are left to {@link UnmodelledObjects}.
     */
    private List<FunctionModel> functions(Connection c) throws SQLException {
        List<FunctionModel> out = new ArrayList<>();
        try (ResultSet rs = query(c, InspectorQueries.get("functions"), true)) {
            while (rs.next()) {
                boolean procedure = rs.getBoolean(7);
                out.add(new FunctionModel(rs.getString(1), procedure ? null : rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), procedure, rs.getString(8), rs.getBoolean(9),
                        rs.getBoolean(10), rs.getBoolean(11), rs.getString(12),
                        procedure ? null : Double.valueOf(rs.getString(13)),
                        procedure ? null : Double.valueOf(rs.getString(14)), strings(rs.getArray(15))));
            }
        }
        return out;
    }

    /**
     * Sequences of their own. An identity column's sequence is part of the column, and so is a serial column's
     * (owned by it, named after it and drawn from by its default): neither is listed.
     */
    /**
     * Standalone and owned sequences; a serial column's own sequence is implicit in its column, and its options, where
     * they differ from the defaults of the sequence's type, go to {@code serialOptions} ({@code table.column}).
     */
    private List<SequenceModel> sequences(Connection c, List<TableModel> tables,
                                          Map<String, org.somaagent01.migrator.model.IdentityOptions> serialOptions)
            throws SQLException {
        Map<String, TableModel> byName = new HashMap<>();
        for (TableModel t : tables) byName.put(t.name(), t);
        List<SequenceModel> out = new ArrayList<>();
        try (ResultSet rs = query(c, InspectorQueries.get("sequences"), true)) {
            while (rs.next()) {
                String name = rs.getString(1);
                String deptype = rs.getString(9);
                if ("i".equals(deptype)) continue;
                String table = rs.getString(10);
                String column = rs.getString(11);
                if (table != null && column != null && name.equals(table + "_" + column + "_seq")) {
                    TableModel owner = byName.get(table);
                    ColumnModel col = owner == null ? null : owner.column(column).orElse(null);
                    if (col != null && col.isSerial(table)) {
                        var options = org.somaagent01.migrator.model.IdentityOptions.unlessDefault(rs.getString(2),
                                new org.somaagent01.migrator.model.IdentityOptions(rs.getLong(3), rs.getLong(4),
                                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBoolean(8)));
                        if (options != null) serialOptions.put(table + "." + column, options);
                        continue;
                    }
                }
                out.add(new SequenceModel(name, rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getBoolean(8),
                        table == null || column == null ? null : table + "." + column));
            }
        }
        return out;
    }

    private static List<TableModel> withSerialOptions(List<TableModel> tables,
                                                      Map<String, org.somaagent01.migrator.model.IdentityOptions> options) {
        if (options.isEmpty()) return tables;
        return tables.stream().map(t -> t.withColumns(t.columns().stream()
                .map(c -> options.containsKey(t.name() + "." + c.name()) ? c.withIdentityOptions(options.get(t.name() + "." + c.name())) : c)
                .toList())).toList();
    }

    /** Views and materialized views, each with the relations and columns of this schema it reads (pg_depend). */
    private List<ViewModel> views(Connection c) throws SQLException {
        List<ViewModel> out = new ArrayList<>();
        try (ResultSet rs = query(c, InspectorQueries.get("views"), 2)) {
            while (rs.next()) {
                out.add(new ViewModel(rs.getString(1), rs.getBoolean(2), rs.getString(3), options(rs.getArray(4)),
                        strings(rs.getArray(5))));
            }
        }
        return out;
    }

    /**
     * Partitioning, inheritance and UNLOGGED, for the tables that have any. What a partition or an inheriting table
     * takes from its parent (columns, constraints, indexes, triggers) the other queries leave out: it is the
     * parent's.
     */
    private void layouts(Connection c, Map<String, TableBuilder> tables) throws SQLException {
        try (ResultSet rs = query(c, InspectorQueries.get("layouts"), true)) {
            while (rs.next()) {
                TableBuilder t = tables.get(rs.getString(1));
                if (t == null) continue;
                t.layout = new TableLayout(rs.getString(2), rs.getString(3), rs.getString(4), strings(rs.getArray(6)),
                        rs.getBoolean(5));
            }
        }
    }

    private static List<ViewModel> withIndexesAndTriggers(List<ViewModel> views, Map<String, List<IndexModel>> viewIndexes,
                                                          Map<String, List<TriggerModel>> viewTriggers) {
        return views.stream()
                .map(v -> v.materialized() && viewIndexes.containsKey(v.name()) ? v.withIndexes(viewIndexes.get(v.name())) : v)
                .map(v -> viewTriggers.containsKey(v.name()) ? v.withTriggers(viewTriggers.get(v.name())) : v)
                .toList();
    }

    private ResultSet query(Connection c, String sql, int schemaParameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.closeOnCompletion();
        for (int i = 1; i <= schemaParameters; i++) ps.setString(i, schema);
        return ps.executeQuery();
    }

    private ResultSet query(Connection c, String sql, boolean bindSchema) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.closeOnCompletion();
        if (bindSchema) ps.setString(1, schema);
        return ps.executeQuery();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) out.add((String) o);
        return out;
    }

    /** reloptions {@code name=value} entries as a map (a view's options compare unordered). */
    private static Map<String, String> options(Array reloptions) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (String option : strings(reloptions)) {
            int eq = option.indexOf('=');
            out.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return out;
    }

    private static final class TableBuilder {
        final String name;
        String comment;
        KeyConstraint primaryKey;
        final List<ColumnModel> columns = new ArrayList<>();
        final List<KeyConstraint> uniques = new ArrayList<>();
        final List<CheckModel> checks = new ArrayList<>();
        final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        final List<IndexModel> indexes = new ArrayList<>();
        final List<TriggerModel> triggers = new ArrayList<>();
        final List<ExclusionModel> exclusions = new ArrayList<>();
        TableLayout layout;

        TableBuilder(String name) { this.name = name; }

        TableModel build() {
            return TableModel.of(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment,
                    exclusions, layout);
        }
    }

    private static final class IndexBuilder {
        String table;
        String name;
        boolean unique;
        String method;
        final List<IndexModel.IndexKey> keys = new ArrayList<>();
        final List<String> include = new ArrayList<>();
        List<String> with = List.of();
        String predicate;
        boolean nullsNotDistinct;
    }

    /** The tables with their row-level security flags and policies (one query). */
    private List<TableModel> rowSecurity(Connection c, List<TableModel> tables) throws SQLException {
        Map<String, boolean[]> flags = new HashMap<>();
        Map<String, List<org.somaagent01.migrator.model.PolicyModel>> policies = new HashMap<>();
        try (ResultSet rs = query(c, InspectorQueries.get("row-security"), true)) {
            while (rs.next()) {
                String table = rs.getString(1);
                flags.put(table, new boolean[] {rs.getBoolean(2), rs.getBoolean(3)});
                if (rs.getString(4) == null) continue;
                String command = switch (rs.getString(6)) {
                    case "r" -> "SELECT";
                    case "a" -> "INSERT";
                    case "w" -> "UPDATE";
                    case "d" -> "DELETE";
                    default -> "ALL";
                };
                policies.computeIfAbsent(table, k -> new ArrayList<>()).add(new org.somaagent01.migrator.model.PolicyModel(
                        rs.getString(4), rs.getBoolean(5), command, strings(rs.getArray(7)), rs.getString(8), rs.getString(9)));
            }
        }
        return tables.stream().map(t -> {
            boolean[] f = flags.get(t.name());
            if (f == null) return t;
            return t.withRowSecurity(org.somaagent01.migrator.model.RowSecurity.of(f[0], f[1],
                    policies.getOrDefault(t.name(), List.of())));
        }).toList();
    }

    /**
     * Privileges beyond each object's {@code acldefault} (which holds the owner's implicit ones), one row per
     * (object, grantee, privilege, grant option). The public schema's standard ACL since PostgreSQL 15 counts as its
     * default.
     */
    private List<org.somaagent01.migrator.model.GrantModel> grants(Connection c) throws SQLException {
        List<org.somaagent01.migrator.model.GrantModel> out = new ArrayList<>();
        try (ResultSet rs = query(c, InspectorQueries.get("grants"), true)) {
            while (rs.next()) {
                out.add(new org.somaagent01.migrator.model.GrantModel(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)));
            }
        }
        return out;
    }

    /**
     * The schema's comments, in one query: a table's and its columns' (their models hold them), and the others (views,
     * materialized views and their columns, sequences, indexes, constraints) by {@link SchemaModel#commentKey}.
     */
    private record Comments(Map<String, String> tables, Map<String, Map<String, String>> columns,
                            Map<String, String> others) {
        String column(String table, String column) {
            Map<String, String> of = columns.get(table);
            return of == null ? null : of.get(column);
        }
    }

    private Comments objectComments(Connection c) throws SQLException {
        Comments out = new Comments(new HashMap<>(), new HashMap<>(), new HashMap<>());
        try (ResultSet rs = query(c, InspectorQueries.get("object-comments"), 3)) {
            while (rs.next()) {
                String kind = rs.getString(1);
                String text = rs.getString(4);
                switch (kind) {
                    case "TABLE" -> out.tables().put(rs.getString(2), text);
                    case "TABLE COLUMN" -> out.columns().computeIfAbsent(rs.getString(2), t -> new HashMap<>())
                            .put(rs.getString(3), text);
                    default -> out.others().put(SchemaModel.commentKey(kind, rs.getString(2)), text);
                }
            }
        }
        return out;
    }
}
