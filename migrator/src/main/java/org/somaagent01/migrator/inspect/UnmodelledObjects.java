package org.somaagent01.migrator.inspect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects and options of a live schema that {@link org.somaagent01.migrator.model.SchemaModel} cannot express:
 * invalid indexes (left by a failed CONCURRENTLY build: not the index they
 * were meant to be), a constraint trigger's FROM table, aggregates and window functions, routines with an SQL-standard
 * body ({@code BEGIN ATOMIC}) or in C, routine privileges, privileges, and other schemas holding objects. One query.
 *
 * <p>Comparisons report these instead of staying silent: two schemas the model calls equal may still differ here,
 * so each object is listed with PostgreSQL's own definition, and two databases are compared on those.
 */
public final class UnmodelledObjects {
    /** One object or option the model does not carry: e.g. {@code view}, {@code v_active}, its definition. */
    public record Unmodelled(String kind, String name, String definition) {
        public String describe() {
            String d = definition == null ? "" : definition.replaceAll("\\s+", " ").strip();
            return kind + " " + name + (d.isEmpty() ? "" : ": " + (d.length() > 120 ? d.substring(0, 120) + "…" : d));
        }
    }

    // comments are joined from pg_description (obj_description() and col_description() are a query per row)
    private static final String QUERY = InspectorQueries.get("unmodelled");

    private final String schema;
    private final String historySchema;
    private boolean privileges;

    public UnmodelledObjects(String schema, String historySchema) {
        this.schema = schema;
        this.historySchema = historySchema;
    }

    /** Kinds the model carries with --with-privileges, and then not reported here. */
    public static final java.util.Set<String> PRIVILEGE_KINDS = java.util.Set.of("privileges", "column privileges", "schema privileges");

    /** With privileges modelled (--with-privileges), they are no longer reported here. */
    public UnmodelledObjects withPrivileges(boolean on) {
        UnmodelledObjects out = new UnmodelledObjects(schema, historySchema);
        out.privileges = on;
        return out;
    }

    public List<Unmodelled> find(Connection c) throws SQLException {
        List<Unmodelled> all = findAll(c);
        return privileges ? all.stream().filter(u -> !PRIVILEGE_KINDS.contains(u.kind())).toList() : all;
    }

    private List<Unmodelled> findAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, historySchema);
            List<Unmodelled> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Unmodelled(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        }
    }

    /**
     * The unmodelled objects of each of {@code schemas}, each name qualified by its schema ({@code app.v_active}).
     * Other schemas are not reported: the schemas compared were chosen ({@code --schema}, {@code --exclude-schema}).
     * One query per schema.
     */
    public static List<Unmodelled> findIn(Connection c, List<String> schemas, String historySchema, boolean privileges)
            throws SQLException {
        List<Unmodelled> out = new ArrayList<>();
        for (String s : schemas) {
            for (Unmodelled u : new UnmodelledObjects(s, historySchema).withPrivileges(privileges).find(c)) {
                if (!u.kind().equals("other schema")) out.add(new Unmodelled(u.kind(), s + "." + u.name(), u.definition()));
            }
        }
        return out;
    }

    /**
     * Lines for a comparison of two sides' unmodelled objects: what only one side has, and what both have with
     * different definitions. Identical objects on both sides give no line.
     */
    public static List<String> compare(List<Unmodelled> expected, List<Unmodelled> live) {
        List<String> out = new ArrayList<>();
        for (Unmodelled l : live) {
            Unmodelled e = find(expected, l);
            if (e == null) out.add(l.describe() + " (the model cannot express it: not compared)");
            else if (!java.util.Objects.equals(e.definition(), l.definition())) {
                out.add(l.kind() + " " + l.name() + " differs (outside the model, compared by PostgreSQL's definition)");
            }
        }
        for (Unmodelled e : expected) {
            if (find(live, e) == null) out.add(e.kind() + " " + e.name() + " is missing (outside the model: not compared)");
        }
        return out;
    }

    private static Unmodelled find(List<Unmodelled> in, Unmodelled like) {
        return in.stream().filter(u -> u.kind().equals(like.kind()) && u.name().equals(like.name())).findFirst().orElse(null);
    }
}
