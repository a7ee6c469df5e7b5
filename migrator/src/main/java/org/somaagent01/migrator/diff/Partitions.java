package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.somaagent01.migrator.model.GrantModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.ViewModel;

/** The differ's view of table hierarchies: partitions under their parents, tables inheriting from others. */
final class Partitions {
    private Partitions() {}

    /**
     * Tables on both sides whose partition key changes (or that become, or stop being, partitioned), whose parent
     * as a partition changes (also to or from none), or whose inherited parents change: rebuilt.
     */
    static Set<String> rebuilt(SchemaModel from, SchemaModel to) {
        Set<String> out = new LinkedHashSet<>();
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            // a table that becomes a partition, stops being one or moves to another parent: its columns are the
            // parent's on one side and its own on the other, which no ATTACH/DETACH reconciles
            if (target != null && (!Objects.equals(t.shape().partitionBy(), target.shape().partitionBy())
                    || !t.shape().inherits().equals(target.shape().inherits())
                    || !Objects.equals(t.shape().partitionOf(), target.shape().partitionOf()))) {
                out.add(t.name());
            }
        }
        return out;
    }

    /** The tables and everything below them: partitions, sub-partitions, inheriting tables. */
    static Set<String> withDescendants(SchemaModel schema, Set<String> roots) {
        Set<String> out = new LinkedHashSet<>(roots);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (TableModel t : schema.tables().values()) {
                if (!out.contains(t.name()) && t.shape().parents().stream().anyMatch(out::contains)) grew = out.add(t.name());
            }
        }
        return out;
    }

    /** The partitions below {@code root} (sub-partitions too) that {@code include} accepts, each after its parent. */
    static List<TableModel> partitions(SchemaModel schema, String root, Predicate<String> include) {
        List<TableModel> out = new ArrayList<>();
        List<String> parents = new ArrayList<>(List.of(root));
        for (int i = 0; i < parents.size(); i++) {
            for (TableModel t : schema.tables().values()) {
                if (parents.get(i).equals(t.shape().partitionOf()) && include.test(t.name())) {
                    out.add(t);
                    parents.add(t.name());
                }
            }
        }
        return out;
    }

    /** The tables, each after the tables of the same collection it partitions or inherits. */
    static List<TableModel> parentsFirst(Collection<TableModel> tables) {
        Set<String> names = new HashSet<>();
        tables.forEach(t -> names.add(t.name()));
        List<TableModel> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (out.size() < tables.size()) {
            int before = out.size();
            for (TableModel t : tables) {
                if (placed.contains(t.name())) continue;
                if (t.shape().parents().stream().allMatch(p -> placed.contains(p) || !names.contains(p))) {
                    out.add(t);
                    placed.add(t.name());
                }
            }
            if (out.size() == before) throw new IllegalStateException("tables partition or inherit each other in a cycle: " + names);
        }
        return out;
    }

    /**
     * The schema without the tables: foreign keys onto them and views reading them (and views over those) go too,
     * and sequences they own are let go, as a DROP TABLE would have it.
     */
    static SchemaModel without(SchemaModel schema, Set<String> gone) {
        Map<String, TableModel> tables = new LinkedHashMap<>();
        for (TableModel t : schema.tables().values()) {
            if (gone.contains(t.name())) continue;
            boolean refers = t.foreignKeys().values().stream().anyMatch(fk -> gone.contains(fk.targetTable()));
            tables.put(t.name(), !refers ? t : TableModel.of(t.name(), t.columns(), t.primaryKey(), t.uniques().values(),
                    t.checks().values(), t.foreignKeys().values().stream().filter(fk -> !gone.contains(fk.targetTable())).toList(),
                    t.indexes().values(), t.triggers().values(), t.comment())
                    .withExclusions(t.exclusions().values()).withRowSecurity(t.rowSecurity()).withLayout(t.layout()));
        }
        Set<String> droppedViews = new HashSet<>();
        for (boolean grew = true; grew; ) {
            grew = false;
            for (ViewModel v : schema.views().values()) {
                if (droppedViews.contains(v.name())) continue;
                if (gone.stream().anyMatch(v::readsRelation) || droppedViews.stream().anyMatch(v::readsRelation)) {
                    grew = droppedViews.add(v.name());
                }
            }
        }
        Map<String, ViewModel> views = new LinkedHashMap<>(schema.views());
        views.keySet().removeAll(droppedViews);
        Map<String, SequenceModel> sequences = new LinkedHashMap<>();
        schema.sequences().forEach((name, s) -> sequences.put(name, s.ownedBy() != null && gone.contains(s.ownerTable())
                ? s.withOwner(null) : s));
        // comments and privileges of what goes go with it: they come back with the object
        Set<String> relations = new HashSet<>(gone);
        relations.addAll(droppedViews);
        Set<String> indexes = new HashSet<>();
        for (String name : gone) {
            TableModel t = schema.tables().get(name);
            if (t != null) indexes.addAll(t.indexes().keySet());
        }
        for (String name : droppedViews) indexes.addAll(schema.views().get(name).indexes().keySet());
        Map<String, String> comments = new LinkedHashMap<>();
        schema.comments().forEach((key, text) -> {
            String object = key.substring(key.lastIndexOf(' ') + 1);
            String relation = object.contains(".") ? object.substring(0, object.lastIndexOf('.')) : object;
            boolean goes = key.startsWith("INDEX ") ? indexes.contains(object) : relations.contains(relation);
            if (!goes) comments.put(key, text);
        });
        List<GrantModel> grants = schema.grants().stream()
                .filter(g -> g.kind().equals("FUNCTION") || g.kind().equals("SCHEMA") || !relations.contains(g.relation()))
                .toList();
        return new SchemaModel(schema.extensions(), schema.enums(), new java.util.TreeMap<>(tables), schema.functions(),
                new java.util.TreeMap<>(sequences), new java.util.TreeMap<>(views), grants, new java.util.TreeMap<>(comments), schema.domains(),
                schema.compositeTypes(), schema.collations());
    }
}
