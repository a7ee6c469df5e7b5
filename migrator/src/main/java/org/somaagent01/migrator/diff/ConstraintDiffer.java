package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.TableModel;

/**
 * Primary keys, unique constraints, CHECKs and exclusion constraints of tables on both sides (a created table brings
 * its own, a dropped one takes them along): a changed one is dropped and added; a CHECK reading a column whose type
 * changes or that goes is dropped before and added after; a CHECK that differs only in being NOT VALID is validated
 * in place ({@link Change.SetCheckValidated}).
 */
final class ConstraintDiffer {
    private ConstraintDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        for (TableModel t : cx.from().tables().values()) {
            TableModel target = cx.to().tables().get(t.name());
            if (target == null) continue; // dropped with the table; CreateTable brings them back
            for (CheckModel ck : t.checks().values()) {
                CheckModel after = target.checks().get(ck.name());
                if (forced(cx, t.name(), ck.expression()) || !ck.equals(after) && !onlyValidationDiffers(ck, after)) {
                    out.add(new Change.DropCheck(t.name(), ck));
                }
            }
            for (ExclusionModel ex : t.exclusions().values()) {
                if (forced(cx, t.name(), ex.definition()) || !ex.equals(target.exclusions().get(ex.name()))) {
                    out.add(new Change.DropExclusion(t.name(), ex));
                }
            }
            for (KeyConstraint u : t.uniques().values()) {
                if (!u.equals(target.uniques().get(u.name()))) out.add(new Change.DropUnique(t.name(), u));
            }
            if (t.primaryKey() != null && !t.primaryKey().equals(target.primaryKey())) {
                out.add(new Change.DropPrimaryKey(t.name(), t.primaryKey()));
            }
        }
        for (TableModel t : cx.to().tables().values()) {
            TableModel source = cx.from().tables().get(t.name());
            if (source == null) continue;
            if (t.primaryKey() != null && !t.primaryKey().equals(source.primaryKey())) {
                out.add(new Change.AddPrimaryKey(t.name(), t.primaryKey()));
            }
            for (CheckModel ck : t.checks().values()) {
                CheckModel before = source.checks().get(ck.name());
                boolean forced = before != null && forced(cx, t.name(), before.expression());
                if (forced) {
                    out.add(new Change.AddCheck(t.name(), ck));
                } else if (onlyValidationDiffers(before, ck)) {
                    out.add(new Change.SetCheckValidated(t.name(), ck, !ck.notValid()));
                } else if (!ck.equals(before)) {
                    out.add(new Change.AddCheck(t.name(), ck));
                }
            }
            for (ExclusionModel ex : t.exclusions().values()) {
                ExclusionModel before = source.exclusions().get(ex.name());
                if (before != null && forced(cx, t.name(), before.definition()) || !ex.equals(before)) {
                    out.add(new Change.AddExclusion(t.name(), ex));
                }
            }
            for (KeyConstraint u : t.uniques().values()) {
                if (!u.equals(source.uniques().get(u.name()))) out.add(new Change.AddUnique(t.name(), u));
            }
        }
        return out;
    }

    /** A kept constraint goes and comes around a retyped column or a routine it calls that goes. */
    private static boolean forced(DiffContext cx, String table, String expression) {
        return cx.touches(table, expression) || cx.callsGoneRoutine(expression);
    }

    /** Same CHECK, one side NOT VALID: validated in place (or made NOT VALID again on the way back). */
    static boolean onlyValidationDiffers(CheckModel a, CheckModel b) {
        return a != null && b != null && a.notValid() != b.notValid() && a.withNotValid(false).equals(b.withNotValid(false));
    }
}
