package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.somaagent01.migrator.connect.Lines;
import org.somaagent01.seeds.SeedRowException;

/**
 * Says in the words of a data file's author why PostgreSQL rejected a seed row: {@code tool_catalog.json row 1
 * (name=echo): violates CHECK tool_catalog_cost_impact_check on tool_catalog.cost_impact (cost_impact = ANY (…))}.
 * The constraint, table and column come from the server's error fields; the kind, columns and CHECK expression
 * from the catalog, so the table must still exist when {@link #describe} runs.
 */
final class SeedRejections {
    /** Bounds the server's detail and the row key in a message, which must stay one short line. */
    private static final int MAX_PART = 200;

    private SeedRejections() {}

    /** Integrity (23) and data (22) errors: the row's values are at fault, not the connection or the schema. */
    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("22"));
    }

    /** One line: the file, row and key, then what the row violates. */
    static String describe(Connection c, SeedRowException e) throws SQLException {
        return e.file() + " row " + e.row() + " (" + bounded(e.key()) + "): " + violation(c, e);
    }

    private static String violation(Connection c, SeedRowException e) throws SQLException {
        SQLException driver = SeedRowException.driverException(e);
        ServerErrorMessage server = driver instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) return Lines.oneLine(driver.getMessage());
        String table = server.getTable();
        if ("23502".equals(e.getSQLState()) && table != null && server.getColumn() != null) {
            return "violates NOT NULL on " + table + "." + server.getColumn();
        }
        if (server.getConstraint() != null && table != null) {
            String described = constraint(c, server.getSchema(), table, server.getConstraint(), server.getDetail());
            if (described != null) return described;
        }
        return "rejected by PostgreSQL: " + bounded(Lines.oneLine(server.getMessage()));
    }

    /** Null when the catalog has no such constraint (e.g. a unique index that is not a constraint). */
    private static String constraint(Connection c, String schema, String table, String name, String detail)
            throws SQLException {
        String sql = "SELECT con.contype, pg_get_constraintdef(con.oid), "
                + "(SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) "
                + "FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE n.nspname = ? AND t.relname = ? AND con.conname = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                String kind = kind(rs.getString(1));
                String definition = Lines.oneLine(rs.getString(2));
                String columns = rs.getString(3);
                String on = columns == null ? table : columns.contains(",") ? table + ".(" + columns + ")" : table + "." + columns;
                String out = "violates " + kind + " " + name + " on " + on;
                if (kind.equals("CHECK")) return out + " " + checkExpression(definition);
                if (kind.equals("FOREIGN KEY") && definition.contains("REFERENCES")) {
                    out += " (" + definition.substring(definition.indexOf("REFERENCES")) + ")";
                }
                // "Key (name)=(echo) already exists." says which value; a CHECK's "Failing row contains …" would be long
                return detail == null ? out : out + ": " + bounded(Lines.oneLine(detail));
            }
        }
    }

    private static String kind(String contype) {
        switch (contype) {
            case "c": return "CHECK";
            case "p": return "PRIMARY KEY";
            case "u": return "UNIQUE";
            case "f": return "FOREIGN KEY";
            case "x": return "EXCLUDE";
            default: return "constraint";
        }
    }

    /** {@code CHECK ((a > 0))} → {@code (a > 0)}. */
    static String checkExpression(String definition) {
        String expression = definition.startsWith("CHECK ") ? definition.substring("CHECK ".length()) : definition;
        if (expression.endsWith(" NOT VALID")) expression = expression.substring(0, expression.length() - " NOT VALID".length());
        if (expression.startsWith("((") && expression.endsWith("))")) expression = expression.substring(1, expression.length() - 1);
        return bounded(expression);
    }

    private static String bounded(String text) {
        return text.length() <= MAX_PART ? text : text.substring(0, MAX_PART) + "…";
    }
}
