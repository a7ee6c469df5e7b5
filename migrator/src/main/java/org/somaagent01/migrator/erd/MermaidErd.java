package org.somaagent01.migrator.erd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * Renders a {@link SchemaModel} as a Mermaid {@code erDiagram}: one entity per table (sorted by name) with its key
 * columns marked PK / FK / UK, and one relationship per foreign key (sorted by table, then constraint name).
 * Pure and deterministic, so the README copy of the diagram can be compared with a fresh rendering.
 *
 * <p>Cardinality of a foreign key, parent on the left: the parent side is "exactly one" when every FK column is NOT
 * NULL ({@code ||}) and "zero or one" otherwise ({@code |o}: under MATCH SIMPLE a null column means no reference);
 * the child side is "zero or one" ({@code o|}, a one-to-one) when the FK columns contain a whole primary key, unique
 * constraint or plain unique index of the child, and "zero or more" ({@code o{}) otherwise.
 */
public final class MermaidErd {
    /** {@code keysOnly}: only columns that are part of a key; otherwise every column, key columns marked. */
    public record Options(boolean keysOnly) {
        public static final Options DEFAULT = new Options(true);
    }

    private MermaidErd() {}

    public static String render(SchemaModel model) {
        return render(model, Options.DEFAULT);
    }

    public static String render(SchemaModel model, Options options) {
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (TableModel t : model.tables().values()) {
            for (ForeignKeyModel fk : t.foreignKeys().values()) out.append("    ").append(relationship(t, fk)).append('\n');
        }
        for (TableModel t : model.tables().values()) {
            List<String> attributes = new ArrayList<>();
            for (ColumnModel c : t.columns()) {
                String markers = markers(t, c.name());
                if (options.keysOnly() && markers.isEmpty()) continue;
                attributes.add(word(c.type()) + " " + word(c.name()) + (markers.isEmpty() ? "" : " " + markers));
            }
            out.append("    ").append(entity(t.name())).append(" {\n");
            for (String a : attributes) out.append("        ").append(a).append('\n');
            out.append("    }\n");
        }
        return out.toString();
    }

    /** {@code parent ||--o{ child : "fk_col"}: the line for one foreign key of {@code child}. */
    static String relationship(TableModel child, ForeignKeyModel fk) {
        boolean optional = fk.columns().stream()
                .anyMatch(name -> child.column(name).map(c -> !c.notNull()).orElse(true));
        String parentSide = optional ? "|o" : "||";
        String childSide = isUnique(child, fk.columns()) ? "o|" : "o{";
        return entity(fk.targetTable()) + " " + parentSide + "--" + childSide + " " + entity(child.name()) + " : \""
                + label(fk) + "\"";
    }

    /** "PK", "FK", "UK" or a comma-separated combination, in that order; empty for a column in no key. */
    static String markers(TableModel t, String column) {
        Set<String> m = new LinkedHashSet<>();
        if (t.primaryKey() != null && t.primaryKey().columns().contains(column)) m.add("PK");
        if (t.foreignKeys().values().stream().anyMatch(fk -> fk.columns().contains(column))) m.add("FK");
        if (uniqueKeys(t).stream().anyMatch(k -> k.contains(column))) m.add("UK");
        return String.join(", ", m);
    }

    /** The FK columns contain a whole key of the table: at most one child row per parent row. */
    static boolean isUnique(TableModel t, List<String> columns) {
        List<List<String>> keys = new ArrayList<>(uniqueKeys(t));
        if (t.primaryKey() != null) keys.add(t.primaryKey().columns());
        return keys.stream().anyMatch(columns::containsAll);
    }

    /** Unique constraints and unique indexes over plain columns without a predicate (a partial index is no key). */
    private static List<List<String>> uniqueKeys(TableModel t) {
        List<List<String>> keys = new ArrayList<>();
        for (KeyConstraint k : t.uniques().values()) keys.add(k.columns());
        for (IndexModel i : t.indexes().values()) {
            if (!i.unique() || i.predicate() != null) continue;
            List<String> cols = new ArrayList<>();
            for (IndexModel.IndexKey k : i.keys()) {
                if (t.column(k.expression()).isEmpty()) {
                    cols = null;
                    break;
                }
                cols.add(k.expression());
            }
            if (cols != null) keys.add(cols);
        }
        return keys;
    }

    private static String label(ForeignKeyModel fk) {
        return String.join(", ", fk.columns()).replace('"', '\'');
    }

    /** A Mermaid entity name: letters, digits, '_' and '-'; anything else becomes '_'. */
    static String entity(String s) {
        return word(s).replaceAll("[\\[\\]()]", "_");
    }

    /**
     * A Mermaid attribute or entity word: letters, digits, '_', '-', '[', ']', '(' and ')'; anything else (spaces
     * of {@code timestamp with time zone}, the comma of {@code numeric(10,2)}, quotes) becomes '_'.
     */
    static String word(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || "_-[]()".indexOf(c) >= 0);
            b.append(ok ? c : '_');
        }
        if (b.length() == 0 || Character.isDigit(b.charAt(0)) || b.charAt(0) == '-') b.insert(0, '_');
        return b.toString();
    }
}
