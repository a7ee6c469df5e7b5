package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.IdentityOptions;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * Sequences: created before the tables and defaults that draw from them and dropped after those went; an owner is
 * let go before anything is dropped (dropping the owning column would take the sequence along) and set once tables
 * and columns exist. A serial column's sequence is implicit in the model: where one side has it and the other has a
 * sequence of that name of its own, it is the same sequence, re-owned and altered.
 */
final class SequenceDiffer {
    private SequenceDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        SchemaModel from = cx.from();
        SchemaModel to = cx.to();
        for (SequenceModel s : from.sequences().values()) {
            SequenceModel target = to.sequences().get(s.name());
            if (target == null) target = keptSerialSequence(cx, to, s.name());
            pair(cx, s, target, out);
        }
        for (SequenceModel s : to.sequences().values()) {
            if (from.sequences().containsKey(s.name())) continue;
            SequenceModel source = keptSerialSequence(cx, from, s.name());
            if (source != null) {
                pair(cx, source, s, out);
                continue;
            }
            String column = serialColumn(to, s.name());
            if (column != null && !cx.kept(column)) {
                // a new serial column makes this sequence itself (CREATE SEQUENCE first would have it take another
                // name): once it exists, it is let go and given its own options
                SequenceModel made = serialSequence(to, column);
                if (!made.options().equals(s.options())) out.add(new Change.AlterSequence(made, s));
                out.add(new Change.SetSequenceOwner(s.name(), column, s.ownedBy()));
                continue;
            }
            out.add(new Change.CreateSequence(s));
            if (s.ownedBy() != null) out.add(new Change.SetSequenceOwner(s.name(), null, s.ownedBy()));
        }
        // a kept column that becomes serial needs its sequence made before its default draws from it (ALTER COLUMN
        // cannot make one); one that stops being serial lets its sequence go after the default went
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            if (!drawsFromSequence(t) && (source == null || !drawsFromSequence(source))) continue;
            for (ColumnModel c : t.columns()) {
                // only a column drawing from a sequence on one side or the other can become or stop being serial
                ColumnModel old = source == null ? null : source.column(c.name()).orElse(null);
                if (!c.drawsFromSequence() && (old == null || !old.drawsFromSequence())) continue;
                String name = t.name() + "_" + c.name() + "_seq";
                String column = DiffContext.key(t.name(), c.name());
                if (c.isSerial(t.name()) && !c.notNull() && !cx.kept(column)) {
                    // a new column is made serial, which makes it NOT NULL too: a nullable one is let go of that
                    out.add(new Change.SetNotNull(t.name(), c.name(), false));
                }
                if (from.sequences().containsKey(name) || to.sequences().containsKey(name) || !cx.kept(column)) continue;
                boolean wasSerial = from.tables().get(t.name()).column(c.name()).orElseThrow().isSerial(t.name());
                if (c.isSerial(t.name()) && !wasSerial) {
                    out.add(new Change.CreateSequence(serialSequence(to, column)));
                    out.add(new Change.SetSequenceOwner(name, null, column));
                } else if (wasSerial && !c.isSerial(t.name())) {
                    out.add(new Change.SetSequenceOwner(name, column, null));
                    out.add(new Change.DropSequence(serialSequence(from, column)));
                }
            }
        }
        serialOptions(cx, out);
        return out;
    }

    /**
     * A serial column's sequence options (which PostgreSQL gives the sequence it makes as defaults): set once a new
     * serial column made its sequence, altered where a kept one's change, and set back to the defaults before a
     * serial column goes (so that the way back, making it again, sets them after).
     */
    private static void serialOptions(DiffContext cx, List<Change> out) {
        for (TableModel t : cx.to().tables().values()) {
            for (ColumnModel c : t.columns()) {
                if (!c.isSerial(t.name())) continue;
                String column = DiffContext.key(t.name(), c.name());
                ColumnModel before = cx.kept(column) ? cx.from().tables().get(t.name()).column(c.name()).orElseThrow() : null;
                if (before == null) {
                    if (c.identityOptions() != null) out.add(new Change.AlterSequence(plainSerial(cx.to(), column), serialSequence(cx.to(), column)));
                } else if (before.isSerial(t.name()) && before.type().equals(c.type())
                        && !Objects.equals(before.identityOptions(), c.identityOptions())) {
                    out.add(new Change.AlterSequence(serialSequence(cx.from(), column), serialSequence(cx.to(), column)));
                }
            }
        }
        for (TableModel t : cx.from().tables().values()) {
            for (ColumnModel c : t.columns()) {
                if (c.identityOptions() == null || !c.isSerial(t.name())) continue;
                String column = DiffContext.key(t.name(), c.name());
                if (!cx.kept(column)) {
                    out.add(new Change.AlterSequence(serialSequence(cx.from(), column), plainSerial(cx.from(), column)));
                }
            }
        }
    }

    private static boolean drawsFromSequence(TableModel t) {
        for (ColumnModel c : t.columns()) if (c.drawsFromSequence()) return true;
        return false;
    }

    private static void pair(DiffContext cx, SequenceModel s, SequenceModel target, List<Change> out) {
        boolean ownerStays = target != null && Objects.equals(s.ownedBy(), target.ownedBy())
                && (s.ownedBy() == null || !cx.replacedColumns().contains(s.ownedBy()));
        if (s.ownedBy() != null && !ownerStays) out.add(new Change.SetSequenceOwner(s.name(), s.ownedBy(), null));
        if (target == null) {
            out.add(new Change.DropSequence(s));
            return;
        }
        if (!s.options().equals(target.options())) out.add(new Change.AlterSequence(s, target));
        if (target.ownedBy() != null && !ownerStays) out.add(new Change.SetSequenceOwner(s.name(), null, target.ownedBy()));
    }

    /** The sequence {@code name} as a serial column of {@code schema} that both sides keep owns it, or null. */
    private static SequenceModel keptSerialSequence(DiffContext cx, SchemaModel schema, String name) {
        String column = serialColumn(schema, name);
        return column != null && cx.kept(column) ? serialSequence(schema, column) : null;
    }

    /** {@code table.column} of {@code schema} whose serial default draws from the sequence {@code name}, or null. */
    private static String serialColumn(SchemaModel schema, String name) {
        for (TableModel t : schema.tables().values()) {
            for (ColumnModel c : t.columns()) {
                if (name.equals(t.name() + "_" + c.name() + "_seq") && c.isSerial(t.name())) return DiffContext.key(t.name(), c.name());
            }
        }
        return null;
    }

    /** The sequence of the serial {@code table.column} of {@code schema}, with the column's sequence options. */
    private static SequenceModel serialSequence(SchemaModel schema, String column) {
        ColumnModel c = serialOf(schema, column);
        return sequence(column, c.type(), c.identityOptions() == null ? IdentityOptions.defaults(c.type()) : c.identityOptions());
    }

    /** The sequence PostgreSQL makes for the serial {@code table.column} of {@code schema}: its type's defaults. */
    private static SequenceModel plainSerial(SchemaModel schema, String column) {
        String type = serialOf(schema, column).type();
        return sequence(column, type, IdentityOptions.defaults(type));
    }

    private static ColumnModel serialOf(SchemaModel schema, String column) {
        int dot = column.indexOf('.');
        return schema.tables().get(column.substring(0, dot)).column(column.substring(dot + 1)).orElseThrow();
    }

    private static SequenceModel sequence(String column, String type, IdentityOptions o) {
        int dot = column.indexOf('.');
        return new SequenceModel(column.substring(0, dot) + "_" + column.substring(dot + 1) + "_seq", type, o.start(),
                o.increment(), o.min(), o.max(), o.cache(), o.cycle(), column);
    }
}
