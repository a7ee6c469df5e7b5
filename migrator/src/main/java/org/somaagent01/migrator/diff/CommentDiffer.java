package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.SchemaModel;

/**
 * Comments on views, their columns, sequences, indexes and constraints (tables' and columns' own come with them:
 * {@link TableDiffer}, {@link ColumnDiffer}). The comment of an object {@code changes} drop, or drop and create
 * again (a rebuilt view or index, a re-added constraint, one made NOT VALID again on the way back), is removed
 * before and set again after, so that the down, too, ends with it.
 */
final class CommentDiffer {
    private CommentDiffer() {}

    static List<Change> diff(DiffContext cx, List<Change> changes) {
        Set<String> dropped = new HashSet<>();
        for (Change c : Differ.underlying(changes)) {
            if (c instanceof Change.DropView d) {
                dropped.add(SchemaModel.commentKey(d.view().materialized() ? "MATERIALIZED VIEW" : "VIEW", d.view().name()));
                dropped.add("COLUMN " + d.view().name() + ".*");
            }
            if (c instanceof Change.DropTable d) {
                for (IndexModel ix : d.table().indexes().values()) dropped.add("INDEX " + ix.name());
                if (d.table().primaryKey() != null) dropped.add("INDEX " + d.table().primaryKey().name());
                for (String u : d.table().uniques().keySet()) dropped.add("INDEX " + u);
                for (String x : d.table().exclusions().keySet()) dropped.add("INDEX " + x);
                dropped.add("CONSTRAINT " + d.table().name() + ".*");
            }
            if (c instanceof Change.DropIndex d) dropped.add("INDEX " + d.index().name());
            if (c instanceof Change.DropSequence d) dropped.add("SEQUENCE " + d.sequence().name());
            String constraint = c instanceof Change.DropCheck d ? DiffContext.key(d.table(), d.check().name())
                    : c instanceof Change.DropUnique d ? DiffContext.key(d.table(), d.key().name())
                    : c instanceof Change.DropPrimaryKey d ? DiffContext.key(d.table(), d.key().name())
                    : c instanceof Change.DropExclusion d ? DiffContext.key(d.table(), d.exclusion().name())
                    : c instanceof Change.DropForeignKey d ? DiffContext.key(d.table(), d.foreignKey().name())
                    : c instanceof Change.SetCheckValidated d ? DiffContext.key(d.table(), d.check().name())
                    : c instanceof Change.SetForeignKeyValidated d ? DiffContext.key(d.table(), d.foreignKey().name()) : null;
            if (constraint != null) {
                dropped.add("CONSTRAINT " + constraint);
                // a key's or exclusion's index is named after it and goes with it
                dropped.add("INDEX " + constraint.substring(constraint.indexOf('.') + 1));
            }
        }
        Predicate<String> goes = k -> dropped.contains(k) || k.startsWith("COLUMN ")
                && dropped.contains("COLUMN " + k.substring(7, k.lastIndexOf('.')) + ".*")
                || k.startsWith("CONSTRAINT ") && dropped.contains("CONSTRAINT " + k.substring(11, k.lastIndexOf('.')) + ".*");
        List<Change> out = new ArrayList<>();
        cx.from().comments().forEach((k, text) -> {
            if (goes.test(k) || !cx.to().comments().containsKey(k)) out.add(comment(k, text, null));
        });
        cx.to().comments().forEach((k, text) -> {
            String before = goes.test(k) ? null : cx.from().comments().get(k);
            if (!Objects.equals(before, text)) out.add(comment(k, before, text));
        });
        return out;
    }

    private static Change comment(String key, String from, String to) {
        String kind = key.startsWith("MATERIALIZED VIEW ") ? "MATERIALIZED VIEW" : key.substring(0, key.indexOf(' '));
        return new Change.SetObjectComment(kind, key.substring(kind.length() + 1), from, to);
    }
}
