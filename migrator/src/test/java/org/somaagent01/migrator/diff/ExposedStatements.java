package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * The differences a list of statements from Exposed's {@code MigrationUtils} claims, and those a list of our
 * {@link Change}s makes, both as {@link Difference}s, so the two tools can be compared object by object.
 */
final class ExposedStatements {
    private ExposedStatements() {}

    /** AUTO_INCREMENT: whether a column draws from a sequence (serial or identity), which Exposed compares apart. */
    enum Kind { TABLE, COLUMN, COLUMN_TYPE, NOT_NULL, DEFAULT, AUTO_INCREMENT, COMMENT, PRIMARY_KEY, INDEX, FOREIGN_KEY, CHECK,
        SEQUENCE }

    /**
     * One object that differs: {@code name} is the column, index, constraint or sequence (null for a table or a
     * primary key, which Exposed does not name when it adds one). An index and a unique constraint are both INDEX:
     * Exposed declares a unique constraint as a unique index, and PostgreSQL gives them one namespace.
     */
    record Difference(Kind kind, String table, String name) {
        /** The column this is an aspect of (type, nullability, default, comment), or null. */
        Difference column() {
            return kind == Kind.COLUMN_TYPE || kind == Kind.NOT_NULL || kind == Kind.DEFAULT || kind == Kind.AUTO_INCREMENT
                    || kind == Kind.COMMENT ? new Difference(Kind.COLUMN, table, name) : null;
        }
    }

    private static final String ID = "\"?(?:public\\.)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?";
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE IF NOT EXISTS " + ID + " ?\\(.*", Pattern.DOTALL);
    private static final Pattern SEQUENCE = Pattern.compile("(?:CREATE SEQUENCE IF NOT EXISTS|DROP SEQUENCE IF EXISTS) "
            + ID + "(?: .*)?", Pattern.DOTALL);
    private static final Pattern SEQUENCE_OWNED = Pattern.compile("ALTER SEQUENCE " + ID + " OWNED BY " + ID + "\\." + ID);
    private static final Pattern CREATE_INDEX = Pattern.compile("CREATE (?:UNIQUE )?INDEX " + ID + " ON " + ID + "[ (].*", Pattern.DOTALL);
    private static final Pattern DROP_INDEX = Pattern.compile("DROP INDEX IF EXISTS " + ID);
    private static final Pattern COMMENT = Pattern.compile("COMMENT ON COLUMN " + ID + "\\." + ID + " IS .*", Pattern.DOTALL);
    private static final Pattern ALTER_TABLE = Pattern.compile("ALTER TABLE (?:IF EXISTS )?" + ID + " (.*)", Pattern.DOTALL);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("ADD CONSTRAINT " + ID + " (PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK)\\b.*",
            Pattern.DOTALL);
    private static final Pattern ADD_PRIMARY_KEY = Pattern.compile("ADD PRIMARY KEY ?\\(.*", Pattern.DOTALL);
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("DROP CONSTRAINT (?:IF EXISTS )?" + ID);
    private static final Pattern DROP_COLUMN = Pattern.compile("DROP COLUMN " + ID);
    private static final Pattern ADD_COLUMN = Pattern.compile("ADD " + ID + " .*", Pattern.DOTALL);
    private static final Pattern ALTER_COLUMN = Pattern.compile("ALTER COLUMN " + ID + " (TYPE|SET NOT NULL|DROP NOT NULL|SET DEFAULT|DROP DEFAULT)\\b.*",
            Pattern.DOTALL);

    /**
     * What {@code statement} claims differs; {@code live} (the inspected database) says which table an index belongs
     * to and what kind a dropped constraint is, since Exposed's DROP statements do not say.
     *
     * @throws IllegalArgumentException for a statement of a form this does not know, so none is silently ignored
     */
    static List<Difference> claimed(String statement, SchemaModel live) {
        String sql = statement.strip();
        Matcher m;
        if ((m = CREATE_TABLE.matcher(sql)).matches()) return List.of(new Difference(Kind.TABLE, m.group(1), null));
        if ((m = SEQUENCE.matcher(sql)).matches()) return List.of(new Difference(Kind.SEQUENCE, null, m.group(1)));
        // Exposed's way to make a column auto-increment with a sequence of its own
        if ((m = SEQUENCE_OWNED.matcher(sql)).matches()) return List.of(new Difference(Kind.AUTO_INCREMENT, m.group(2), m.group(3)));
        if ((m = CREATE_INDEX.matcher(sql)).matches()) return List.of(new Difference(Kind.INDEX, m.group(2), m.group(1)));
        if ((m = DROP_INDEX.matcher(sql)).matches()) return List.of(new Difference(Kind.INDEX, tableOfIndex(live, m.group(1)), m.group(1)));
        if ((m = COMMENT.matcher(sql)).matches()) return List.of(new Difference(Kind.COMMENT, m.group(1), m.group(2)));
        if ((m = ALTER_TABLE.matcher(sql)).matches()) {
            String table = m.group(1);
            List<Difference> out = new ArrayList<>();
            // Exposed joins the changes of one column with ", "; no clause of ours holds a comma outside parentheses
            for (String clause : splitTopLevel(m.group(2))) out.add(clause(table, clause.strip(), live, statement));
            return autoIncrement(out, live);
        }
        throw new IllegalArgumentException("unknown form of Exposed statement: " + statement);
    }

    private static Difference clause(String table, String clause, SchemaModel live, String statement) {
        Matcher m;
        if ((m = ADD_CONSTRAINT.matcher(clause)).matches()) {
            String type = m.group(2);
            Kind kind = type.equals("PRIMARY KEY") ? Kind.PRIMARY_KEY : type.equals("UNIQUE") ? Kind.INDEX
                    : type.equals("FOREIGN KEY") ? Kind.FOREIGN_KEY : Kind.CHECK;
            return new Difference(kind, table, kind == Kind.PRIMARY_KEY ? null : m.group(1));
        }
        if (ADD_PRIMARY_KEY.matcher(clause).matches()) return new Difference(Kind.PRIMARY_KEY, table, null);
        if ((m = DROP_CONSTRAINT.matcher(clause)).matches()) return constraint(live, table, m.group(1));
        if ((m = DROP_COLUMN.matcher(clause)).matches()) return new Difference(Kind.COLUMN, table, m.group(1));
        if ((m = ALTER_COLUMN.matcher(clause)).matches()) {
            String what = m.group(2);
            Kind kind = what.equals("TYPE") ? Kind.COLUMN_TYPE : what.endsWith("NOT NULL") ? Kind.NOT_NULL
                    : clause.startsWith("ALTER COLUMN " + m.group(1) + " SET DEFAULT nextval(") ? Kind.AUTO_INCREMENT : Kind.DEFAULT;
            return new Difference(kind, table, m.group(1));
        }
        if ((m = ADD_COLUMN.matcher(clause)).matches()) return new Difference(Kind.COLUMN, table, m.group(1));
        throw new IllegalArgumentException("unknown clause '" + clause + "' of Exposed statement: " + statement);
    }

    /**
     * Exposed removes an auto-increment with {@code ALTER COLUMN c TYPE …, ALTER COLUMN c DROP DEFAULT} and adds one
     * with {@code SET DEFAULT nextval(…)}: on a column that is serial or identity now, a type change joined with a
     * dropped default is that, one AUTO_INCREMENT difference.
     */
    private static List<Difference> autoIncrement(List<Difference> clauses, SchemaModel live) {
        List<Difference> out = new ArrayList<>();
        for (Difference d : clauses) {
            boolean pair = d.kind() == Kind.COLUMN_TYPE && clauses.contains(new Difference(Kind.DEFAULT, d.table(), d.name()))
                    || d.kind() == Kind.DEFAULT && clauses.contains(new Difference(Kind.COLUMN_TYPE, d.table(), d.name()));
            Difference use = pair && autoIncrementing(live, d.table(), d.name())
                    ? new Difference(Kind.AUTO_INCREMENT, d.table(), d.name()) : d;
            if (!out.contains(use)) out.add(use);
        }
        return out;
    }

    /** Whether the live column draws from a sequence: an identity, or a default of nextval(…) (as pgjdbc says). */
    static boolean autoIncrementing(SchemaModel live, String table, String column) {
        TableModel t = live.tables().get(table);
        ColumnModel c = t == null ? null : t.column(column).orElse(null);
        return c != null && (c.identity() != null || c.defaultExpression() != null && c.defaultExpression().startsWith("nextval("));
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String tableOfIndex(SchemaModel live, String name) {
        for (TableModel t : live.tables().values()) {
            if (t.indexes().containsKey(name) || t.uniques().containsKey(name)) return t.name();
        }
        throw new IllegalArgumentException("Exposed drops index " + name + ", which the database does not have");
    }

    private static Difference constraint(SchemaModel live, String table, String name) {
        TableModel t = live.tables().get(table);
        if (t == null) throw new IllegalArgumentException("Exposed drops constraint " + name + " of table " + table + ", which the database does not have");
        if (t.foreignKeys().containsKey(name)) return new Difference(Kind.FOREIGN_KEY, table, name);
        if (t.checks().containsKey(name)) return new Difference(Kind.CHECK, table, name);
        // Exposed drops a unique index as if it were a constraint (which does nothing on PostgreSQL, IF EXISTS)
        if (t.uniques().containsKey(name) || t.indexes().containsKey(name)) return new Difference(Kind.INDEX, table, name);
        if (t.primaryKey() != null && t.primaryKey().name().equals(name)) return new Difference(Kind.PRIMARY_KEY, table, null);
        throw new IllegalArgumentException("Exposed drops constraint " + name + " of table " + table + ", which it does not have");
    }

    /** Every object our changes create, drop or alter; a created table counts with everything in it. */
    static Set<Difference> made(List<Change> changes) {
        Set<Difference> out = new LinkedHashSet<>();
        for (Change c : changes) made(c, out);
        return out;
    }

    private static void made(Change change, Set<Difference> out) {
        if (change instanceof Change.OnPartitionedTable p) made(p.change(), out);
        else if (change instanceof Change.CreateTable c) table(c.table(), out);
        else if (change instanceof Change.DropTable d) table(d.table(), out);
        else if (change instanceof Change.AddColumn a) column(a.table(), a.column(), out);
        else if (change instanceof Change.DropColumn d) column(d.table(), d.column(), out);
        else if (change instanceof Change.AddReplacedColumn a) out.add(new Difference(Kind.COLUMN, a.table(), a.column().name()));
        else if (change instanceof Change.DropReplacedColumn d) out.add(new Difference(Kind.COLUMN, d.table(), d.column().name()));
        else if (change instanceof Change.AlterColumnType a) out.add(new Difference(Kind.COLUMN_TYPE, a.table(), a.column()));
        else if (change instanceof Change.SetNotNull s) out.add(new Difference(Kind.NOT_NULL, s.table(), s.column()));
        else if (change instanceof Change.SetColumnDefault s) {
            out.add(new Difference(Kind.DEFAULT, s.table(), s.column()));
            if (nextval(s.from()) || nextval(s.to())) out.add(new Difference(Kind.AUTO_INCREMENT, s.table(), s.column()));
            if (serial(s.table(), s.column(), s.from()) || serial(s.table(), s.column(), s.to())) {
                out.add(new Difference(Kind.SEQUENCE, null, s.table() + "_" + s.column() + "_seq"));
            }
        } else if (change instanceof Change.SetIdentity s) {
            // an identity's sequence is PostgreSQL's, named after the column, and goes and comes with it
            out.add(new Difference(Kind.AUTO_INCREMENT, s.table(), s.column()));
            out.add(new Difference(Kind.SEQUENCE, null, s.table() + "_" + s.column() + "_seq"));
        }
        else if (change instanceof Change.SetColumnComment s) out.add(new Difference(Kind.COMMENT, s.table(), s.column()));
        else if (change instanceof Change.AddPrimaryKey a) out.add(new Difference(Kind.PRIMARY_KEY, a.table(), null));
        else if (change instanceof Change.DropPrimaryKey d) out.add(new Difference(Kind.PRIMARY_KEY, d.table(), null));
        else if (change instanceof Change.AddUnique a) out.add(new Difference(Kind.INDEX, a.table(), a.key().name()));
        else if (change instanceof Change.DropUnique d) out.add(new Difference(Kind.INDEX, d.table(), d.key().name()));
        else if (change instanceof Change.CreateIndex c) out.add(new Difference(Kind.INDEX, c.table(), c.index().name()));
        else if (change instanceof Change.DropIndex d) out.add(new Difference(Kind.INDEX, d.table(), d.index().name()));
        else if (change instanceof Change.AddCheck a) out.add(new Difference(Kind.CHECK, a.table(), a.check().name()));
        else if (change instanceof Change.DropCheck d) out.add(new Difference(Kind.CHECK, d.table(), d.check().name()));
        else if (change instanceof Change.AddForeignKey a) out.add(new Difference(Kind.FOREIGN_KEY, a.table(), a.foreignKey().name()));
        else if (change instanceof Change.DropForeignKey d) out.add(new Difference(Kind.FOREIGN_KEY, d.table(), d.foreignKey().name()));
        else if (change instanceof Change.CreateSequence c) out.add(new Difference(Kind.SEQUENCE, null, c.sequence().name()));
        else if (change instanceof Change.DropSequence d) out.add(new Difference(Kind.SEQUENCE, null, d.sequence().name()));
    }

    /** A column; a serial one comes and goes with its sequence. */
    private static void column(String table, ColumnModel c, Set<Difference> out) {
        out.add(new Difference(Kind.COLUMN, table, c.name()));
        if (c.isSerial(table)) out.add(new Difference(Kind.SEQUENCE, null, table + "_" + c.name() + "_seq"));
    }

    private static boolean serial(String table, String column, String defaultExpression) {
        return ("nextval('" + table + "_" + column + "_seq'::regclass)").equals(defaultExpression);
    }

    private static boolean nextval(String defaultExpression) {
        return defaultExpression != null && defaultExpression.startsWith("nextval(");
    }

    private static void table(TableModel t, Set<Difference> out) {
        String n = t.name();
        out.add(new Difference(Kind.TABLE, n, null));
        for (ColumnModel c : t.columns()) column(n, c, out);
        if (t.primaryKey() != null) out.add(new Difference(Kind.PRIMARY_KEY, n, null));
        for (String u : t.uniques().keySet()) out.add(new Difference(Kind.INDEX, n, u));
        for (String i : t.indexes().keySet()) out.add(new Difference(Kind.INDEX, n, i));
        for (String c : t.checks().keySet()) out.add(new Difference(Kind.CHECK, n, c));
        for (String f : t.foreignKeys().keySet()) out.add(new Difference(Kind.FOREIGN_KEY, n, f));
    }

    /** Whether {@code ours} makes {@code claimed}: the same object, or the whole column it is an aspect of. */
    static boolean covers(Set<Difference> ours, Difference claimed) {
        return ours.contains(claimed) || (claimed.column() != null && ours.contains(claimed.column()));
    }
}
