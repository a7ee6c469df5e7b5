package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.somaagent01.migrator.model.ViewModel;

/**
 * Views and materialized views (with their indexes and triggers). Besides new, removed and changed ones, a view is
 * dropped and created again when something it reads cannot change under it: a column whose type changes (also by an
 * enum swap, or an added label the way back undoes by a swap) or that goes, a relation that goes, a view that is
 * itself dropped, a recreated function one of its triggers calls, or a routine it calls that goes. The order of views
 * over views is their dependencies' ({@link Dependencies}: what {@code pg_depend} recorded they read).
 */
final class ViewDiffer {
    private ViewDiffer() {}

    static List<Change> diff(DiffContext cx) {
        Set<String> touched = cx.retypedColumns();
        Set<String> dropped = new HashSet<>();
        for (ViewModel v : cx.from().views().values()) {
            ViewModel target = cx.to().views().get(v.name());
            if (target == null || !target.equals(v) || v.reads().stream().anyMatch(touched::contains)
                    || v.triggers().values().stream().anyMatch(t -> cx.recreatedFunctions().contains(t.function()))
                    || cx.callsGoneRoutine(v.definition())
                    || v.reads().stream().map(ViewDiffer::readRelation)
                            .anyMatch(r -> cx.from().tables().containsKey(r) && !cx.to().tables().containsKey(r))) {
                dropped.add(v.name());
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (ViewModel v : cx.from().views().values()) {
                if (!dropped.contains(v.name()) && dropped.stream().anyMatch(v::readsRelation)) grew = dropped.add(v.name()) || grew;
            }
        }
        List<Change> out = new ArrayList<>();
        for (ViewModel v : cx.from().views().values()) if (dropped.contains(v.name())) out.add(new Change.DropView(v));
        for (ViewModel v : cx.to().views().values()) {
            if (!cx.from().views().containsKey(v.name()) || dropped.contains(v.name())) out.add(new Change.CreateView(v));
        }
        return out;
    }

    /** The relation of a view's read: {@code t} for {@code t} and for its column {@code t.c}. */
    private static String readRelation(String read) {
        int dot = read.indexOf('.');
        return dot < 0 ? read : read.substring(0, dot);
    }
}
