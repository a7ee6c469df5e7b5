package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.TableLayout;
import org.somaagent01.migrator.model.TableModel;

/**
 * Tables as wholes: created each after its parent (a partitioned table with its new partitions, in one change) and
 * dropped each before it (a partitioned table with its partitions: one DROP), their comments, and the layout of
 * tables on both sides. A partition key or the parents a table inherits cannot change: that is a rebuild
 * ({@link Differ}). Columns of kept tables: {@link ColumnDiffer}.
 */
final class TableDiffer {
    private TableDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        List<TableModel> drops = new ArrayList<>();
        for (TableModel t : cx.from().tables().values()) {
            if (cx.to().tables().containsKey(t.name())) continue;
            // comments go first, so that the down, recreating the table, puts them back
            if (t.comment() != null) out.add(new Change.SetTableComment(t.name(), t.comment(), null));
            for (ColumnModel c : t.columns()) {
                if (c.comment() != null) out.add(new Change.SetColumnComment(t.name(), c.name(), c.comment(), null));
            }
            // a partition whose parent goes too goes with it
            String parent = t.shape().partitionOf();
            if (parent == null || cx.to().tables().containsKey(parent) || !cx.from().tables().containsKey(parent)) drops.add(t);
        }
        List<TableModel> parentsFirst = Partitions.parentsFirst(drops);
        for (int i = parentsFirst.size() - 1; i >= 0; i--) {
            TableModel t = parentsFirst.get(i);
            out.add(t.shape().isPartitioned()
                    ? new Change.DropPartitioned(t, Partitions.partitions(cx.from(), t.name(), n -> !cx.to().tables().containsKey(n)))
                    : new Change.DropTable(t));
        }
        List<TableModel> creates = new ArrayList<>();
        for (TableModel t : cx.to().tables().values()) {
            if (cx.from().tables().containsKey(t.name())) continue;
            // a partition of a new parent is created with it
            String parent = t.shape().partitionOf();
            if (parent == null || cx.from().tables().containsKey(parent) || !cx.to().tables().containsKey(parent)) creates.add(t);
        }
        for (TableModel t : Partitions.parentsFirst(creates)) {
            out.add(t.shape().isPartitioned()
                    ? new Change.CreatePartitioned(t, Partitions.partitions(cx.to(), t.name(), n -> !cx.from().tables().containsKey(n)))
                    : new Change.CreateTable(t));
        }
        for (TableModel t : cx.to().tables().values()) {
            TableModel source = cx.from().tables().get(t.name());
            String before = source == null ? null : source.comment();
            if (!Objects.equals(before, t.comment())) out.add(new Change.SetTableComment(t.name(), before, t.comment()));
        }
        layouts(cx, out);
        return out;
    }

    /**
     * A partition whose bound or parent changes is detached and attached, after column changes on the parent reached
     * it (but before its old parent is dropped); a table becomes (un)logged. (A change of parents is a rebuild, as
     * {@code NO INHERIT} would turn the inherited columns into the table's own.)
     */
    private static void layouts(DiffContext cx, List<Change> out) {
        for (TableModel t : cx.from().tables().values()) {
            TableModel target = cx.to().tables().get(t.name());
            if (target == null) continue;
            TableLayout a = t.shape();
            TableLayout b = target.shape();
            if (!Objects.equals(a.partitionOf(), b.partitionOf()) || !Objects.equals(a.bound(), b.bound())) {
                if (a.isPartition()) out.add(new Change.DetachPartition(t.name(), a.partitionOf(), a.bound()));
                if (b.isPartition()) out.add(new Change.AttachPartition(t.name(), b.partitionOf(), b.bound()));
            }
            if (a.unlogged() != b.unlogged()) out.add(new Change.SetUnlogged(t.name(), b.unlogged()));
        }
    }
}
