package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.somaagent01.migrator.model.GrantModel;
import org.somaagent01.migrator.model.PolicyModel;
import org.somaagent01.migrator.model.RowSecurity;
import org.somaagent01.migrator.model.TableModel;

/** Row-level security (the flags and policies of tables) and privileges. */
final class SecurityDiffer {
    private SecurityDiffer() {}

    /**
     * Policies go early and come late (after views, which they may read): removed, changed beyond what ALTER POLICY
     * can do, or reading a column of their table whose type changes or that goes (PostgreSQL refuses to alter a
     * column a policy uses). A dropped table first loses its policies and flags, so that the down, recreating the
     * table, puts them back; a created table gets them after.
     */
    static List<Change> rowSecurity(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        Set<String> touched = cx.retypedColumns();
        for (TableModel t : cx.from().tables().values()) {
            TableModel target = cx.to().tables().get(t.name());
            RowSecurity before = t.security();
            RowSecurity after = target == null ? RowSecurity.NONE : target.security();
            for (PolicyModel p : before.policies().values()) {
                PolicyModel next = after.policies().get(p.name());
                boolean forced = target != null && (readsTouched(t, p, touched)
                        || cx.callsGoneRoutine(p.using()) || cx.callsGoneRoutine(p.withCheck()));
                if (next == null || forced || !p.equals(next) && !p.alterableTo(next)) {
                    out.add(new Change.DropPolicy(t.name(), p));
                    if (next != null) out.add(new Change.CreatePolicy(t.name(), next));
                } else if (!p.equals(next)) {
                    out.add(new Change.AlterPolicy(t.name(), p, next));
                }
            }
            // flags that go are turned off (a dropped table's before it goes), flags that come are turned on
            if (before.forced() && !after.forced()) out.add(new Change.SetForceRowSecurity(t.name(), false));
            if (before.enabled() && !after.enabled()) out.add(new Change.SetRowSecurity(t.name(), false));
            if (!before.enabled() && after.enabled()) out.add(new Change.SetRowSecurity(t.name(), true));
            if (!before.forced() && after.forced()) out.add(new Change.SetForceRowSecurity(t.name(), true));
        }
        for (TableModel t : cx.to().tables().values()) {
            TableModel source = cx.from().tables().get(t.name());
            RowSecurity after = t.security();
            if (source != null) {
                for (PolicyModel p : after.policies().values()) {
                    if (!source.security().policies().containsKey(p.name())) out.add(new Change.CreatePolicy(t.name(), p));
                }
                continue;
            }
            if (after.enabled()) out.add(new Change.SetRowSecurity(t.name(), true));
            if (after.forced()) out.add(new Change.SetForceRowSecurity(t.name(), true));
            for (PolicyModel p : after.policies().values()) out.add(new Change.CreatePolicy(t.name(), p));
        }
        return out;
    }

    private static boolean readsTouched(TableModel table, PolicyModel p, Set<String> touched) {
        return table.columns().stream().anyMatch(c -> touched.contains(DiffContext.key(table.name(), c.name()))
                && (Identifiers.mentions(p.using(), c.name()) || Identifiers.mentions(p.withCheck(), c.name())));
    }

    /**
     * Privileges (present only when both models were read with them): revoked while every object still has its
     * old name and exists, granted once every object exists. A grant on an object {@code changes} drop (or drop and
     * create again: a rebuilt view, a recreated function, a dropped or replaced column) is revoked before and, if it
     * is wanted, granted again after, so the down puts it back too.
     */
    static List<Change> privileges(DiffContext cx, List<Change> changes) {
        Set<String> dropped = new HashSet<>();
        for (Change c : Differ.underlying(changes)) {
            if (c instanceof Change.DropView d) dropped.add("TABLE " + d.view().name());
            if (c instanceof Change.DropTable d) dropped.add("TABLE " + d.table().name());
            if (c instanceof Change.DropColumn d) dropped.add("COLUMN " + DiffContext.key(d.table(), d.column().name()));
            if (c instanceof Change.DropReplacedColumn d) dropped.add("COLUMN " + DiffContext.key(d.table(), d.column().name()));
            if (c instanceof Change.DropFunction d) dropped.add("FUNCTION " + d.function().callSignature());
            if (c instanceof Change.DropSequence d) dropped.add("SEQUENCE " + d.sequence().name());
        }
        Set<GrantModel> before = new HashSet<>(cx.from().grants());
        Set<GrantModel> after = new HashSet<>(cx.to().grants());
        // revoking a privilege on a table revokes it on each of its columns too (either way: the down revokes what
        // the up grants): a column grant under a table grant that changes is revoked first and granted again after
        Set<String> tableGrantsChanging = new HashSet<>();
        for (GrantModel g : cx.from().grants()) if (g.kind().equals("TABLE") && !after.contains(g)) tableGrantsChanging.add(g.object() + " " + g.grantee() + " " + g.privilege());
        for (GrantModel g : cx.to().grants()) if (g.kind().equals("TABLE") && !before.contains(g)) tableGrantsChanging.add(g.object() + " " + g.grantee() + " " + g.privilege());
        Predicate<GrantModel> goes = g -> dropped.contains(g.kind() + " " + g.object())
                || g.kind().equals("COLUMN") && (dropped.contains("TABLE " + g.relation())
                        || tableGrantsChanging.contains(g.relation() + " " + g.grantee() + " " + g.privilege()));
        List<Change> out = new ArrayList<>();
        for (GrantModel g : cx.from().grants()) if (!after.contains(g) || goes.test(g)) out.add(new Change.Revoke(g));
        for (GrantModel g : cx.to().grants()) if (!before.contains(g) || goes.test(g)) out.add(new Change.Grant(g));
        return out;
    }
}
