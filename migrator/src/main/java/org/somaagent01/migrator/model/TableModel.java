package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A table with its columns (in order), constraints, indexes, triggers and comment. Exclusion constraints are left
 * out of snapshots when there are none, so snapshots written before they were modelled read back equal.
 */
public record TableModel(
        String name,
        List<ColumnModel> columns,
        KeyConstraint primaryKey,
        SortedMap<String, KeyConstraint> uniques,
        SortedMap<String, CheckModel> checks,
        SortedMap<String, ForeignKeyModel> foreignKeys,
        SortedMap<String, IndexModel> indexes,
        SortedMap<String, TriggerModel> triggers,
        String comment,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, ExclusionModel> exclusions,
        @JsonInclude(JsonInclude.Include.NON_NULL) RowSecurity rowSecurity,
        @JsonInclude(JsonInclude.Include.NON_NULL) TableLayout layout) {

    public TableModel(String name, List<ColumnModel> columns, KeyConstraint primaryKey,
                      SortedMap<String, KeyConstraint> uniques, SortedMap<String, CheckModel> checks,
                      SortedMap<String, ForeignKeyModel> foreignKeys, SortedMap<String, IndexModel> indexes,
                      SortedMap<String, TriggerModel> triggers, String comment) {
        this(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment, null);
    }

    public TableModel(String name, List<ColumnModel> columns, KeyConstraint primaryKey,
                      SortedMap<String, KeyConstraint> uniques, SortedMap<String, CheckModel> checks,
                      SortedMap<String, ForeignKeyModel> foreignKeys, SortedMap<String, IndexModel> indexes,
                      SortedMap<String, TriggerModel> triggers, String comment, SortedMap<String, ExclusionModel> exclusions) {
        this(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment, exclusions, null, null);
    }

    public TableModel {
        columns = List.copyOf(columns);
        uniques = Names.sorted(uniques);
        checks = Names.sorted(checks);
        foreignKeys = Names.sorted(foreignKeys);
        indexes = Names.sorted(indexes);
        triggers = Names.sorted(triggers);
        exclusions = Names.sorted(exclusions == null ? java.util.Map.of() : exclusions);
        // no row security is null, so that it stays out of snapshots and tables without it compare equal
        if (rowSecurity != null && rowSecurity.isNone()) rowSecurity = null;
        // an ordinary table has no layout: left out of snapshots, which read back equal
        if (layout != null && layout.isPlain()) layout = null;
    }

    public static TableModel of(String name, List<ColumnModel> columns, KeyConstraint primaryKey,
                                Collection<KeyConstraint> uniques, Collection<CheckModel> checks,
                                Collection<ForeignKeyModel> foreignKeys, Collection<IndexModel> indexes,
                                Collection<TriggerModel> triggers, String comment) {
        return of(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment, List.of(), null);
    }

    /** A table with exclusion constraints and a layout (null for an ordinary table), built in one go. */
    public static TableModel of(String name, List<ColumnModel> columns, KeyConstraint primaryKey,
                                Collection<KeyConstraint> uniques, Collection<CheckModel> checks,
                                Collection<ForeignKeyModel> foreignKeys, Collection<IndexModel> indexes,
                                Collection<TriggerModel> triggers, String comment, Collection<ExclusionModel> exclusions,
                                TableLayout layout) {
        return new TableModel(name, columns, primaryKey, Names.byName(uniques, KeyConstraint::name),
                Names.byName(checks, CheckModel::name), Names.byName(foreignKeys, ForeignKeyModel::name),
                Names.byName(indexes, IndexModel::name), Names.byName(triggers, TriggerModel::name), comment,
                Names.byName(exclusions, ExclusionModel::name), null, layout);
    }

    /** This table with these columns instead of its own. */
    public TableModel withColumns(List<ColumnModel> newColumns) {
        return new TableModel(name, newColumns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment,
                exclusions, rowSecurity, layout);
    }

    /** This table with the given exclusion constraints instead of its own. */
    public TableModel withExclusions(Collection<ExclusionModel> list) {
        return new TableModel(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment,
                Names.byName(list, ExclusionModel::name), rowSecurity, layout);
    }

    public Optional<ColumnModel> column(String columnName) {
        // a loop, not a stream: the differ asks this for every column of every table, mostly in cold (interpreted) code
        for (ColumnModel c : columns) if (c.name().equals(columnName)) return Optional.of(c);
        return Optional.empty();
    }

    /** Its row-level security; {@link RowSecurity#NONE} when it has none. */
    public RowSecurity security() {
        return rowSecurity == null ? RowSecurity.NONE : rowSecurity;
    }

    /** This table with the given row-level security instead of its own (null or NONE for none). */
    public TableModel withRowSecurity(RowSecurity security) {
        return new TableModel(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment,
                exclusions, security, layout);
    }

    /** This table with the given layout (partitioning, inheritance, unlogged) instead of its own. */
    public TableModel withLayout(TableLayout newLayout) {
        return new TableModel(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment,
                exclusions, rowSecurity, newLayout);
    }

    /** Its layout, {@link TableLayout#PLAIN} for an ordinary table. */
    public TableLayout shape() {
        return layout == null ? TableLayout.PLAIN : layout;
    }
}
