package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * The pure differ: two schema models in, the ordered changes that turn {@code from} into {@code to} out.
 * Order: everything that goes away (dependents first), then everything that comes (dependencies first).
 */
public final class Differ {
    private Differ() {}

    public static List<Change> diff(SchemaModel from, SchemaModel to) {
        List<Change> drops = new ArrayList<>();
        List<Change> creates = new ArrayList<>();

        // dependents of tables go first on the way out, last on the way in
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            t.triggers().forEach((name, trg) -> {
                if (target == null || !Objects.equals(target.triggers().get(name), trg)) drops.add(new Change.DropTrigger(trg));
            });
        }
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            t.foreignKeys().forEach((name, fk) -> {
                if (target == null || !Objects.equals(target.foreignKeys().get(name), fk)) {
                    drops.add(new Change.DropForeignKey(t.name(), fk));
                }
            });
            t.indexes().forEach((name, ix) -> {
                if (target == null || !Objects.equals(target.indexes().get(name), ix)) drops.add(new Change.DropIndex(t.name(), ix));
            });
        }
        eachRemoved(from.tables(), to.tables(), (name, t) -> {
            if (t.comment() != null) drops.add(new Change.SetTableComment(name, t.comment(), null));
            drops.add(new Change.DropTable(t));
        });
        eachRemoved(from.functions(), to.functions(), (name, f) -> drops.add(new Change.DropFunction(f)));
        eachRemoved(from.enums(), to.enums(), (name, e) -> drops.add(new Change.DropEnum(e)));
        eachRemoved(from.extensions(), to.extensions(), (name, e) -> drops.add(new Change.DropExtension(e)));

        eachAdded(from.extensions(), to.extensions(), (name, e) -> creates.add(new Change.CreateExtension(e)));
        eachAdded(from.enums(), to.enums(), (name, e) -> creates.add(new Change.CreateEnum(e)));
        eachAdded(from.tables(), to.tables(), (name, t) -> creates.add(new Change.CreateTable(t)));
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            t.foreignKeys().forEach((name, fk) -> {
                if (source == null || !Objects.equals(source.foreignKeys().get(name), fk)) {
                    creates.add(new Change.AddForeignKey(t.name(), fk));
                }
            });
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            t.indexes().forEach((name, ix) -> {
                if (source == null || !Objects.equals(source.indexes().get(name), ix)) creates.add(new Change.CreateIndex(t.name(), ix));
            });
        }
        eachAdded(from.functions(), to.functions(), (name, f) -> creates.add(new Change.CreateFunction(f)));
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            t.triggers().forEach((name, trg) -> {
                if (source == null || !Objects.equals(source.triggers().get(name), trg)) creates.add(new Change.CreateTrigger(trg));
            });
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            String before = source == null ? null : source.comment();
            if (!Objects.equals(before, t.comment())) creates.add(new Change.SetTableComment(t.name(), before, t.comment()));
        }

        List<Change> changes = new ArrayList<>(drops);
        changes.addAll(creates);
        return List.copyOf(changes);
    }

    private static <T> void eachRemoved(Map<String, T> from, Map<String, T> to, BiConsumer<String, T> action) {
        from.forEach((name, item) -> { if (!to.containsKey(name)) action.accept(name, item); });
    }

    private static <T> void eachAdded(Map<String, T> from, Map<String, T> to, BiConsumer<String, T> action) {
        to.forEach((name, item) -> { if (!from.containsKey(name)) action.accept(name, item); });
    }
}
