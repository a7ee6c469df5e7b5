package org.somaagent01.migrator.diff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.model.SchemaModel;

/**
 * The stable rank of a change, which {@link ChangeOrder} follows wherever the dependencies leave a choice: the order
 * a reviewer expects (and which keeps what no key records right, such as a routine's body reading a table). Privileges
 * are revoked and comments removed first; then what goes away, dependents first (views, policies, triggers, foreign
 * keys, indexes, constraints, tables, columns, routines); then what comes or is altered in place, dependencies first
 * (extensions, types, sequences, routines, column changes, tables, columns, partitions, owners), and the types and
 * sequences that go once nothing uses them; then constraints, foreign keys, indexes, triggers, views, policies,
 * comments, privileges.
 */
final class ChangeRank {
    private ChangeRank() {}

    /**
     * The kinds in rank order, in groups of one rank: within a group (the changes to one column, one domain, one
     * table's constraints …) the order the differs emit them in holds. A kind in several places is ranked by its
     * fields ({@link #of}).
     */
    private static final List<List<Class<? extends Change>>> ORDER = List.of(
            List.of(Change.Revoke.class),
            List.of(Change.SetObjectComment.class), // removed
            List.of(Change.DropView.class),
            List.of(Change.RenameTable.class, Change.RenameColumn.class, Change.RenameEnumValue.class),
            List.of(Change.DropPolicy.class, Change.SetForceRowSecurity.class, Change.SetRowSecurity.class), // off
            List.of(Change.SetSequenceOwner.class), // let go
            List.of(Change.DropTrigger.class),
            List.of(Change.DropForeignKey.class),
            List.of(Change.DropIndex.class),
            List.of(Change.DropCheck.class, Change.DropExclusion.class, Change.DropUnique.class, Change.DropPrimaryKey.class),
            List.of(Change.DetachPartition.class), // from a parent that goes
            List.of(Change.SetTableComment.class, Change.SetColumnComment.class), // removed
            List.of(Change.DropTable.class, Change.DropPartitioned.class),
            List.of(Change.DropColumn.class, Change.DropReplacedColumn.class),
            List.of(Change.DropFunction.class),
            List.of(Change.CreateExtension.class, Change.UpdateExtension.class),
            List.of(Change.CreateCollation.class, Change.ReplaceCollation.class),
            List.of(Change.CreateEnum.class),
            List.of(Change.CreateSequence.class, Change.AlterSequence.class),
            List.of(Change.AddEnumValue.class, Change.SwapEnumType.class),
            List.of(Change.CreateDomain.class, Change.ReplaceDomain.class),
            List.of(Change.DropDomainCheck.class, Change.SetDomainDefault.class, Change.SetDomainNotNull.class,
                    Change.AddDomainCheck.class),
            List.of(Change.CreateCompositeType.class),
            List.of(Change.DropAttribute.class, Change.AlterAttributeType.class, Change.ReplaceCompositeType.class,
                    Change.AddAttribute.class),
            List.of(Change.CreateFunction.class, Change.ReplaceFunction.class),
            List.of(Change.SetIdentityOptions.class, Change.SetIdentity.class, Change.SetColumnDefault.class,
                    Change.SetColumnCollation.class, Change.AlterColumnType.class, Change.SetNotNull.class,
                    Change.SetUnlogged.class),
            List.of(Change.CreateTable.class, Change.CreatePartitioned.class),
            List.of(Change.AddColumn.class, Change.AddReplacedColumn.class),
            List.of(Change.AttachPartition.class),
            List.of(Change.DropSequence.class),
            List.of(Change.DropCompositeType.class),
            List.of(Change.DropDomain.class),
            List.of(Change.DropEnum.class),
            List.of(Change.DropCollation.class),
            List.of(Change.DropExtension.class),
            List.of(Change.AddPrimaryKey.class, Change.AddCheck.class, Change.SetCheckValidated.class,
                    Change.AddExclusion.class, Change.AddUnique.class),
            List.of(Change.AddForeignKey.class, Change.SetForeignKeyValidated.class),
            List.of(Change.CreateIndex.class),
            List.of(Change.CreateTrigger.class, Change.SetTriggerEnabled.class),
            List.of(Change.CreateView.class),
            List.of(Change.AlterPolicy.class, Change.CreatePolicy.class),
            List.of(Change.Grant.class),
            // database level: schemas and search path, placed by DatabaseDiffer around the rest
            List.of(Change.SetSearchPath.class, Change.CreateSchema.class, Change.DropSchema.class));

    // the first group a kind is in (asked for every change: looked up, not searched)
    private static final Map<Class<?>, Integer> GROUP_OF = new HashMap<>();

    static {
        for (int i = ORDER.size() - 1; i >= 0; i--) for (Class<?> kind : ORDER.get(i)) GROUP_OF.put(kind, i);
    }

    private static int group(Class<?> kind) {
        Integer group = GROUP_OF.get(kind);
        if (group == null) throw new IllegalArgumentException("no rank for " + kind.getSimpleName());
        return group;
    }

    /** More than any rank: an offset that puts one whole diff before another. */
    static final int COUNT = 4 * ORDER.size() + 8;

    private static final int ATTACH = 4 * group(Change.AttachPartition.class);
    private static final int POLICIES = 4 * group(Change.CreatePolicy.class);

    /**
     * The change's rank. Comments are removed early (while every object has the name the model gives it) and set
     * late; row-level security turned off early and on late; a sequence let go early and owned late; a partition
     * detached from a parent that stays after the parent's column changes reached it ({@code to}: the target), just
     * before partitions are attached. Groups are four ranks apart; the refined ones fall in between.
     */
    static int of(Change c, SchemaModel to) {
        if (c instanceof Change.OnPartitionedTable p) return of(p.change(), to);
        int rank = 4 * group(c.getClass());
        if (c instanceof Change.SetRowSecurity x && x.enabled()) return POLICIES + 1;
        if (c instanceof Change.SetForceRowSecurity x && x.forced()) return POLICIES + 1;
        if (c instanceof Change.SetTableComment x && x.to() != null) return POLICIES + 2;
        if (c instanceof Change.SetColumnComment x && x.to() != null) return POLICIES + 2;
        if (c instanceof Change.SetObjectComment x && x.to() != null) return POLICIES + 3;
        if (c instanceof Change.SetSequenceOwner x && x.to() != null) return ATTACH + 1;
        if (c instanceof Change.DetachPartition x && to.tables().containsKey(x.parent())) return ATTACH - 1;
        return rank;
    }
}
