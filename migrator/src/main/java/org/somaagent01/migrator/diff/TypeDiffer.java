package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.CompositeTypeModel;
import org.somaagent01.migrator.model.DomainModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.Renames;

/**
 * User-defined types: enums, domains and composite types. They come before the tables, routines and other types
 * that use them and go after those went.
 */
final class TypeDiffer {
    private TypeDiffer() {}

    static List<Change> diff(DiffContext cx, Renames hints) {
        List<Change> out = new ArrayList<>();
        enums(cx, hints, out);
        domains(cx, out);
        compositeTypes(cx, out);
        return out;
    }

    private static void enums(DiffContext cx, Renames hints, List<Change> out) {
        for (EnumType e : cx.from().enums().values()) {
            EnumType target = cx.to().enums().get(e.name());
            if (target == null) {
                out.add(new Change.DropEnum(e));
            } else if (!target.equals(e)) {
                alterEnum(cx, e, target, hints.labelsOf(e.name()), out);
            }
        }
        for (EnumType e : cx.to().enums().values()) {
            if (!cx.from().enums().containsKey(e.name())) out.add(new Change.CreateEnum(e));
        }
    }

    /** Labels added in place where the old ones keep their order; else the type is swapped. */
    private static void alterEnum(DiffContext cx, EnumType before, EnumType after, Map<String, String> labelHints,
                                  List<Change> out) {
        List<Change.EnumColumn> users = DiffContext.typeUsers(cx.from(), cx.to(), before.name());
        if (isSubsequence(before.labels(), after.labels())) {
            List<String> current = new ArrayList<>(before.labels());
            for (int i = 0; i < after.labels().size(); i++) {
                String label = after.labels().get(i);
                if (current.contains(label)) continue;
                // after the previous label, which exists by now; the first one goes before the current first
                boolean first = i == 0;
                String neighbor = first ? (current.isEmpty() ? null : current.get(0)) : after.labels().get(i - 1);
                out.add(new Change.AddEnumValue(before.name(), label, neighbor, first, current, users));
                current.add(neighbor == null ? 0 : current.indexOf(neighbor) + (first ? 0 : 1), label);
            }
            return;
        }
        // labels go away or change order: swap the type, converting removed labels as declared
        Map<String, String> mapping = new TreeMap<>();
        labelHints.forEach((oldLabel, newLabel) -> {
            if (before.labels().contains(oldLabel) && !after.labels().contains(oldLabel) && after.labels().contains(newLabel)) {
                mapping.put(oldLabel, newLabel);
            }
        });
        out.add(new Change.SwapEnumType(before.name(), before.labels(), after.labels(), mapping, users));
    }

    static boolean isSubsequence(List<String> part, List<String> whole) {
        int i = 0;
        for (String s : whole) if (i < part.size() && part.get(i).equals(s)) i++;
        return i == part.size();
    }

    /**
     * A changed base type or collation is a new domain (replaced, converting the columns of its type), the rest is
     * altered in place: CHECKs
     * dropped first, then default and NOT NULL, then CHECKs added.
     */
    private static void domains(DiffContext cx, List<Change> out) {
        for (DomainModel d : cx.from().domains().values()) {
            DomainModel target = cx.to().domains().get(d.name());
            if (target == null) {
                out.add(new Change.DropDomain(d));
                continue;
            }
            if (!d.sameBase(target)) {
                out.add(new Change.ReplaceDomain(d, target, DiffContext.typeUsers(cx.from(), cx.to(), d.name())));
                continue;
            }
            // a default or CHECK calling a routine that goes is dropped before it and set (added) again after
            for (CheckModel ck : d.checks().values()) {
                if (!ck.equals(target.checks().get(ck.name())) || cx.callsGoneRoutine(ck.expression())) {
                    out.add(new Change.DropDomainCheck(d.name(), ck));
                }
            }
            String defaultBefore = d.defaultExpression();
            if (defaultBefore != null && cx.callsGoneRoutine(defaultBefore)) {
                out.add(new Change.SetDomainDefault(d.name(), defaultBefore, null));
                defaultBefore = null;
            }
            if (!Objects.equals(defaultBefore, target.defaultExpression())) {
                out.add(new Change.SetDomainDefault(d.name(), defaultBefore, target.defaultExpression()));
            }
            if (d.notNull() != target.notNull()) out.add(new Change.SetDomainNotNull(d.name(), target.notNull()));
            for (CheckModel ck : target.checks().values()) {
                CheckModel before = d.checks().get(ck.name());
                if (!ck.equals(before) || cx.callsGoneRoutine(before.expression())) out.add(new Change.AddDomainCheck(d.name(), ck));
            }
        }
        for (DomainModel d : cx.to().domains().values()) {
            if (!cx.from().domains().containsKey(d.name())) out.add(new Change.CreateDomain(d));
        }
    }

    /**
     * Attributes that go are dropped last-first, kept ones retyped, new ones added at the end (like columns, a
     * difference in order alone is not diffed). Kept ones retyped under columns that use the type are swapped in one
     * change ({@link Change.ReplaceCompositeType}).
     */
    private static void compositeTypes(DiffContext cx, List<Change> out) {
        for (CompositeTypeModel t : cx.from().compositeTypes().values()) {
            CompositeTypeModel target = cx.to().compositeTypes().get(t.name());
            if (target == null) {
                out.add(new Change.DropCompositeType(t));
                continue;
            }
            for (int i = t.attributes().size() - 1; i >= 0; i--) {
                CompositeTypeModel.Attribute a = t.attributes().get(i);
                if (target.attribute(a.name()).isEmpty()) out.add(new Change.DropAttribute(t.name(), a));
            }
            List<Change.EnumColumn> users = DiffContext.typeUsers(cx.from(), cx.to(), t.name());
            if (retypesAttributes(t, target) && !users.isEmpty()) {
                out.add(new Change.ReplaceCompositeType(keptAttributes(t, target, false), keptAttributes(t, target, true),
                        users));
            } else {
                for (CompositeTypeModel.Attribute a : t.attributes()) {
                    target.attribute(a.name()).filter(after -> !after.equals(a))
                            .ifPresent(after -> out.add(new Change.AlterAttributeType(t.name(), a, after)));
                }
            }
            for (CompositeTypeModel.Attribute a : target.attributes()) {
                if (t.attribute(a.name()).isEmpty()) out.add(new Change.AddAttribute(t.name(), a));
            }
        }
        for (CompositeTypeModel t : cx.to().compositeTypes().values()) {
            if (!cx.from().compositeTypes().containsKey(t.name())) out.add(new Change.CreateCompositeType(t));
        }
    }

    /** Whether an attribute both sides have changes its type or collation. */
    static boolean retypesAttributes(CompositeTypeModel from, CompositeTypeModel to) {
        for (CompositeTypeModel.Attribute a : from.attributes()) {
            if (to.attribute(a.name()).filter(after -> !after.equals(a)).isPresent()) return true;
        }
        return false;
    }

    /** {@code from}'s attributes that {@code to} keeps, in {@code from}'s order, as on {@code to} ({@code after}) or not. */
    private static CompositeTypeModel keptAttributes(CompositeTypeModel from, CompositeTypeModel to, boolean after) {
        List<CompositeTypeModel.Attribute> kept = new ArrayList<>();
        for (CompositeTypeModel.Attribute a : from.attributes()) {
            to.attribute(a.name()).ifPresent(later -> kept.add(after ? later : a));
        }
        return new CompositeTypeModel(from.name(), kept);
    }
}
