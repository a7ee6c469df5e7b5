package org.somaagent01.migrator.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.inspect.UnmodelledObjects;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.migrator.model.TableModel;

/**
 * What differs between the expected and the live schema, for humans: one line per change the differ finds to turn
 * the live schema into the expected one (the statement it would run). When the two models differ but the differ
 * finds no change, that is said too, naming the objects: never a silent "no differences".
 */
public final class DriftReport {
    private static final int MAX_LINE = 200;

    private DriftReport() {}

    public static List<String> describe(SchemaModel expected, SchemaModel live) {
        return describe(expected, List.of(), live, List.of());
    }

    /**
     * As {@link #describe(SchemaModel, SchemaModel)}, plus the objects outside the model on each side (see
     * {@link UnmodelledObjects}): those only one side has, or both with different definitions.
     */
    public static List<String> describe(SchemaModel expected, List<UnmodelledObjects.Unmodelled> expectedOutside,
                                        SchemaModel live, List<UnmodelledObjects.Unmodelled> liveOutside) {
        List<String> out = modelled(expected, live);
        out.addAll(UnmodelledObjects.compare(expectedOutside, liveOutside));
        return out;
    }

    private static List<String> modelled(SchemaModel expected, SchemaModel live) {
        List<String> out = new ArrayList<>();
        for (Change change : Differ.diff(live, expected)) {
            for (String sql : SqlRenderer.render(change)) {
                String line = sql.replaceAll("\\s*\\n\\s*", " ");
                out.add("needs " + (line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line));
            }
        }
        if (out.isEmpty() && !expected.equals(live)) {
            for (String d : objects(expected, live)) out.add(d + " (a difference the differ cannot express as DDL)");
        }
        return out;
    }

    /** The objects whose models differ, compared field by field. */
    static List<String> objects(SchemaModel expected, SchemaModel live) {
        List<String> out = new ArrayList<>();
        compare(out, "extension", expected.extensions().keySet(), live.extensions().keySet(), expected.extensions(), live.extensions());
        compare(out, "enum type", expected.enums().keySet(), live.enums().keySet(), expected.enums(), live.enums());
        compare(out, "function", expected.functions().keySet(), live.functions().keySet(), expected.functions(), live.functions());
        compare(out, "sequence", expected.sequences().keySet(), live.sequences().keySet(), expected.sequences(), live.sequences());
        compare(out, "view", expected.views().keySet(), live.views().keySet(), expected.views(), live.views());
        compare(out, "domain", expected.domains().keySet(), live.domains().keySet(), expected.domains(), live.domains());
        compare(out, "composite type", expected.compositeTypes().keySet(), live.compositeTypes().keySet(),
                expected.compositeTypes(), live.compositeTypes());
        for (String name : union(expected.tables().keySet(), live.tables().keySet())) {
            TableModel e = expected.tables().get(name);
            TableModel l = live.tables().get(name);
            if (e == null) out.add("table " + name + " exists but is not expected");
            else if (l == null) out.add("table " + name + " is missing");
            else if (!e.equals(l)) out.add("table " + name + " differs: " + tableDifference(e, l));
        }
        return out;
    }

    private static String tableDifference(TableModel e, TableModel l) {
        List<String> parts = new ArrayList<>();
        if (!e.columns().equals(l.columns())) parts.add("columns");
        if (!Objects.equals(e.primaryKey(), l.primaryKey())) parts.add("primary key");
        if (!e.uniques().equals(l.uniques())) parts.add("unique constraints " + changed(e.uniques(), l.uniques()));
        if (!e.checks().equals(l.checks())) parts.add("checks " + changed(e.checks(), l.checks()));
        if (!e.foreignKeys().equals(l.foreignKeys())) parts.add("foreign keys " + changed(e.foreignKeys(), l.foreignKeys()));
        if (!e.indexes().equals(l.indexes())) parts.add("indexes " + changed(e.indexes(), l.indexes()));
        if (!e.triggers().equals(l.triggers())) parts.add("triggers " + changed(e.triggers(), l.triggers()));
        if (!Objects.equals(e.comment(), l.comment())) parts.add("comment");
        return String.join(", ", parts);
    }

    private static <T> List<String> changed(java.util.Map<String, T> e, java.util.Map<String, T> l) {
        List<String> names = new ArrayList<>();
        for (String n : union(e.keySet(), l.keySet())) if (!Objects.equals(e.get(n), l.get(n))) names.add(n);
        return names;
    }

    private static <T> void compare(List<String> out, String kind, java.util.Set<String> eNames, java.util.Set<String> lNames,
                                    java.util.Map<String, T> e, java.util.Map<String, T> l) {
        for (String n : union(eNames, lNames)) {
            if (!l.containsKey(n)) out.add(kind + " " + n + " is missing");
            else if (!e.containsKey(n)) out.add(kind + " " + n + " exists but is not expected");
            else if (!e.get(n).equals(l.get(n))) out.add(kind + " " + n + " differs");
        }
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
