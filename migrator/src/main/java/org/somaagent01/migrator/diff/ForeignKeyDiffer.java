package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.TableModel;

/**
 * Foreign keys: a new, removed or changed one is added or dropped; one that differs only in being NOT VALID is
 * validated in place ({@link Change.SetForeignKeyValidated}); one on a column whose type changes or that goes, or
 * whose target loses such a column or the key it relies on, is dropped before and added after.
 */
final class ForeignKeyDiffer {
    private ForeignKeyDiffer() {}

    static List<Change> diff(DiffContext cx) {
        Map<String, List<Set<String>>> droppedKeys = droppedKeys(cx);
        List<Change> out = new ArrayList<>();
        Set<String> forced = new HashSet<>();
        for (TableModel t : cx.from().tables().values()) {
            TableModel target = cx.to().tables().get(t.name());
            for (ForeignKeyModel fk : t.foreignKeys().values()) {
                boolean force = target != null && (cx.touches(t.name(), fk.columns())
                        || cx.from().tables().containsKey(fk.targetTable()) && cx.to().tables().containsKey(fk.targetTable())
                        && (cx.touches(fk.targetTable(), fk.targetColumns())
                            || relied(droppedKeys.get(fk.targetTable()), fk)));
                if (force) forced.add(DiffContext.key(t.name(), fk.name()));
                ForeignKeyModel after = target == null ? null : target.foreignKeys().get(fk.name());
                if (target == null || force || !fk.equals(after) && !onlyValidationDiffers(fk, after)) {
                    out.add(new Change.DropForeignKey(t.name(), fk));
                }
            }
        }
        for (TableModel t : cx.to().tables().values()) {
            TableModel source = cx.from().tables().get(t.name());
            for (ForeignKeyModel fk : t.foreignKeys().values()) {
                ForeignKeyModel before = source == null ? null : source.foreignKeys().get(fk.name());
                if (source == null || forced.contains(DiffContext.key(t.name(), fk.name()))) {
                    out.add(new Change.AddForeignKey(t.name(), fk));
                } else if (onlyValidationDiffers(before, fk)) {
                    out.add(new Change.SetForeignKeyValidated(t.name(), fk, !fk.notValid()));
                } else if (!fk.equals(before)) {
                    out.add(new Change.AddForeignKey(t.name(), fk));
                }
            }
        }
        return out;
    }

    /**
     * The column sets of the keys (primary, unique constraint or unique index) of kept tables that are dropped, by
     * table: a foreign key relying on one must go first.
     */
    private static Map<String, List<Set<String>>> droppedKeys(DiffContext cx) {
        Map<String, List<Set<String>>> out = new HashMap<>();
        for (TableModel t : cx.from().tables().values()) {
            TableModel target = cx.to().tables().get(t.name());
            if (target == null) continue;
            List<Set<String>> keys = out.computeIfAbsent(t.name(), k -> new ArrayList<>());
            for (KeyConstraint u : t.uniques().values()) {
                if (!u.equals(target.uniques().get(u.name()))) keys.add(Set.copyOf(u.columns()));
            }
            if (t.primaryKey() != null && !t.primaryKey().equals(target.primaryKey())) keys.add(Set.copyOf(t.primaryKey().columns()));
            for (IndexModel ix : t.indexes().values()) {
                if (ix.unique() && IndexDiffer.goes(cx, t.name(), ix)) {
                    keys.add(Set.copyOf(ix.keys().stream().map(IndexModel.IndexKey::expression).toList()));
                }
            }
        }
        return out;
    }

    /** Whether the foreign key relies on one of the dropped keys of its target. */
    private static boolean relied(List<Set<String>> dropped, ForeignKeyModel fk) {
        return dropped != null && !dropped.isEmpty() && dropped.contains(Set.copyOf(fk.targetColumns()));
    }

    private static boolean onlyValidationDiffers(ForeignKeyModel a, ForeignKeyModel b) {
        return a != null && b != null && a.notValid() != b.notValid() && a.withNotValid(false).equals(b.withNotValid(false));
    }
}
