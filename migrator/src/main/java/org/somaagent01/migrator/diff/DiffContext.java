package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * What every per-kind differ reads, computed once before any of them runs: the two sides ({@code from} already
 * renamed as declared) and the objects that change under others, so that those others are dropped and created
 * again around them. Keys are {@code table.column}, routine signatures.
 *
 * @param touchedColumns columns whose type or collation changes, that go away, or that are replaced
 * @param replacedColumns columns on both sides dropped and added again: a generated column whose expression or type
 *                        changes, that reads a touched column, or that calls a routine that goes (PostgreSQL can
 *                        neither alter the expression nor retype or drop what it reads)
 * @param recreatedFunctions routines dropped and created (not replaced in place): their triggers go and come with them
 * @param convertedColumns columns of kept tables converted to a new type of the same name: an enum type swapped, a
 *                         domain replaced (a new base type or collation)
 * @param extendedEnumColumns columns of kept tables of an enum type that gains labels (the way back swaps it)
 * @param retypedColumns all the columns PostgreSQL retypes on the way there or back (touched, converted, extended):
 *                       what reads them in a stored expression (views, policies, triggers, CHECKs, index expressions
 *                       and predicates) cannot stay, as the expression is typed by the old type, and goes around them
 * @param goneRoutines names of the routines of {@code from} that are dropped, or dropped and created again: a column
 *                     default, CHECK or index expression calling one cannot stay (PostgreSQL refuses the DROP
 *                     FUNCTION under it) and goes around it; with those of other schemas, by their qualified name
 * @param elsewhere the routines of the database's other schemas that go or come ({@link DatabaseDiffer})
 */
record DiffContext(SchemaModel from, SchemaModel to, Set<String> touchedColumns, Set<String> replacedColumns,
                   Set<String> recreatedFunctions, Set<String> convertedColumns, Set<String> extendedEnumColumns,
                   Set<String> retypedColumns, Set<String> goneRoutines, RoutinesElsewhere elsewhere) {

    DiffContext {
        touchedColumns = Set.copyOf(touchedColumns);
        replacedColumns = Set.copyOf(replacedColumns);
        recreatedFunctions = Set.copyOf(recreatedFunctions);
        convertedColumns = Set.copyOf(convertedColumns);
        extendedEnumColumns = Set.copyOf(extendedEnumColumns);
        retypedColumns = Set.copyOf(retypedColumns);
        goneRoutines = Set.copyOf(goneRoutines);
    }

    /** {@code elsewhere}: the routines of the database's other schemas that go or come. */
    static DiffContext of(SchemaModel from, SchemaModel to, RoutinesElsewhere elsewhere) {
        Set<String> touched = new HashSet<>();
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) continue;
            for (ColumnModel c : t.columns()) {
                ColumnModel after = target.column(c.name()).orElse(null);
                // a collation change rewrites the column as a type change does
                if (after == null || !after.type().equals(c.type()) || !Objects.equals(after.collation(), c.collation())) {
                    touched.add(key(t.name(), c.name()));
                }
            }
        }
        // a domain replaced under a column converts it as a type change does, and so does a composite type swapped
        Set<String> convertedUsers = new HashSet<>();
        from.domains().forEach((name, d) -> {
            var target = to.domains().get(name);
            if (target == null || d.sameBase(target)) return;
            for (Change.EnumColumn u : typeUsers(from, to, name)) convertedUsers.add(key(u.table(), u.column()));
        });
        from.compositeTypes().forEach((name, t) -> {
            var target = to.compositeTypes().get(name);
            if (target == null || !TypeDiffer.retypesAttributes(t, target)) return;
            for (Change.EnumColumn u : typeUsers(from, to, name)) convertedUsers.add(key(u.table(), u.column()));
        });
        Set<String> swapped = new HashSet<>();
        Set<String> extended = new HashSet<>();
        for (EnumType e : from.enums().values()) {
            EnumType target = to.enums().get(e.name());
            if (target == null || target.equals(e)) continue;
            Set<String> into = TypeDiffer.isSubsequence(e.labels(), target.labels()) ? extended : swapped;
            for (Change.EnumColumn u : typeUsers(from, to, e.name())) into.add(key(u.table(), u.column()));
        }
        swapped.addAll(convertedUsers);
        from.collations().forEach((name, c) -> {
            var target = to.collations().get(name);
            if (target == null || target.equals(c)) return;
            for (Change.CollatedColumn u : collationUsers(from, to, name)) swapped.add(key(u.table(), u.column()));
        });
        // a generated column is replaced around a retyped column it reads, but not around one converted to a type
        // of the same name (its replacement's guard could not tell the two apart: a documented limit); and around a
        // routine it calls that goes, of this schema or another (called qualified): its expression prints the same, and
        // PostgreSQL refuses the DROP FUNCTION under it
        Set<String> gone = new HashSet<>(elsewhere.goneNames());
        for (FunctionModel f : RoutineDiffer.going(from, to)) gone.add(f.name());
        Set<String> replaced = new HashSet<>();
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) continue;
            for (ColumnModel c : t.columns()) {
                ColumnModel after = target.column(c.name()).orElse(null);
                if (after == null || c.generated() == null && after.generated() == null) continue;
                if (!Objects.equals(c.generated(), after.generated()) || !c.type().equals(after.type())
                        || c.generated() != null
                        && (mentionsAny(t, touched, c.generated()) || calls(gone, c.generated()))) {
                    replaced.add(key(t.name(), c.name()));
                }
            }
        }
        touched.addAll(replaced);
        touched.addAll(convertedUsers);
        Set<String> retyped = new HashSet<>(touched);
        retyped.addAll(swapped);
        retyped.addAll(extended);
        Set<String> recreated = new HashSet<>();
        from.functions().forEach((signature, f) -> {
            var target = to.functions().get(signature);
            if (target != null && RoutineDiffer.recreated(f, target)) recreated.add(signature);
        });
        return new DiffContext(from, to, touched, replaced, recreated, swapped, extended, retyped, gone, elsewhere);
    }

    static String key(String table, String name) {
        return table + "." + name;
    }

    // the sets are empty in most diffs: asked for every column, a lookup builds no key then
    boolean replaced(String table, String column) {
        return !replacedColumns.isEmpty() && replacedColumns.contains(key(table, column));
    }

    /**
     * Whether one of the columns (an index's or a key's) is touched. A column only converted to a type of the same
     * name is not: PostgreSQL rebuilds a plain key on it, and an expression is what is typed by the old type.
     */
    boolean touches(String table, List<String> columns) {
        if (touchedColumns.isEmpty()) return false;
        for (String c : columns) if (touchedColumns.contains(key(table, c))) return true;
        return false;
    }

    /** Whether the expression calls a routine that goes (see {@link #goneRoutines}); an overload of its name counts. */
    boolean callsGoneRoutine(String expression) {
        return calls(goneRoutines, expression);
    }

    private static boolean calls(Set<String> routines, String expression) {
        if (routines.isEmpty() || expression == null) return false;
        for (String name : routines) if (Identifiers.calls(expression, name)) return true;
        return false;
    }

    /** Whether the expression (of {@code table} in {@code from}) mentions a retyped column. */
    boolean touches(String table, String expression) {
        return mentionsAny(from.tables().get(table), retypedColumns, expression);
    }

    private static boolean mentionsAny(TableModel t, Set<String> columns, String expression) {
        if (columns.isEmpty()) return false;
        for (ColumnModel c : t.columns()) {
            if (columns.contains(key(t.name(), c.name())) && Identifiers.mentions(expression, c.name())) return true;
        }
        return false;
    }

    /** Columns of the type that exist when types are altered: kept columns of kept tables, old types. */
    static List<Change.EnumColumn> typeUsers(SchemaModel from, SchemaModel to, String type) {
        return keptColumns(from, to, (c, after) -> c.type().equals(type) || c.type().equals(type + "[]"),
                (table, c) -> new Change.EnumColumn(table, c.name(), !c.type().equals(type), c.defaultExpression()));
    }

    /**
     * Columns of the collation that exist when it is replaced: kept columns of kept tables that have it on both sides,
     * with their old type. One that leaves it for another is moved by its own change first (the swap would then move
     * it back onto the new definition).
     */
    static List<Change.CollatedColumn> collationUsers(SchemaModel from, SchemaModel to, String collation) {
        return keptColumns(from, to, (c, after) -> collation.equals(c.collation()) && collation.equals(after.collation()),
                (table, c) -> new Change.CollatedColumn(table, c.name(), c.type()));
    }

    /** The columns of kept tables on both sides that {@code uses} selects (given both sides), built from their old side. */
    private static <T> List<T> keptColumns(SchemaModel from, SchemaModel to, BiPredicate<ColumnModel, ColumnModel> uses,
                                           BiFunction<String, ColumnModel, T> build) {
        List<T> out = new ArrayList<>();
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) continue;
            for (ColumnModel c : t.columns()) {
                ColumnModel after = target.column(c.name()).orElse(null);
                if (after != null && uses.test(c, after)) out.add(build.apply(t.name(), c));
            }
        }
        return out;
    }

    /** Whether {@code table.column} is on both sides and not dropped and added again. */
    boolean kept(String column) {
        int dot = column.indexOf('.');
        String table = column.substring(0, dot);
        String col = column.substring(dot + 1);
        TableModel before = from.tables().get(table);
        TableModel after = to.tables().get(table);
        return before != null && before.column(col).isPresent() && after != null && after.column(col).isPresent()
                && !replaced(table, col);
    }
}
