package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * Indexes of tables: a new, removed or changed one is created or dropped (a changed option is a changed index,
 * which the online planner swaps in place); one on a column whose type changes or that goes is dropped before and
 * created after. Views' indexes come and go with their view ({@link ViewDiffer}).
 */
final class IndexDiffer {
    private IndexDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        for (TableModel t : cx.from().tables().values()) {
            for (IndexModel ix : t.indexes().values()) if (goes(cx, t.name(), ix)) out.add(new Change.DropIndex(t.name(), ix));
        }
        for (TableModel t : cx.to().tables().values()) {
            TableModel source = cx.from().tables().get(t.name());
            for (IndexModel ix : t.indexes().values()) {
                IndexModel before = source == null ? null : source.indexes().get(ix.name());
                if (source == null || before == null || forced(cx, t.name(), before) || !ix.equals(before)) {
                    out.add(new Change.CreateIndex(t.name(), ix));
                }
            }
        }
        return out;
    }

    /** Whether the index of {@code table} in {@code from} is dropped. */
    static boolean goes(DiffContext cx, String table, IndexModel ix) {
        TableModel target = cx.to().tables().get(table);
        return target == null || forced(cx, table, ix) || !ix.equals(target.indexes().get(ix.name()));
    }

    /** An index of a kept table reading a column whose type changes or that goes, or calling a routine that goes. */
    private static boolean forced(DiffContext cx, String table, IndexModel ix) {
        if (!cx.to().tables().containsKey(table)) return false;
        for (IndexModel.IndexKey k : ix.keys()) {
            String e = k.expression();
            if (e.startsWith("(") ? cx.touches(table, e) || cx.callsGoneRoutine(e) : cx.touches(table, List.of(e))) return true;
        }
        return cx.touches(table, ix.predicate()) || cx.callsGoneRoutine(ix.predicate());
    }
}
