package org.somaagent01.migrator.plan;

import static org.somaagent01.migrator.sql.Sql.ident;
import static org.somaagent01.migrator.sql.Sql.literal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.model.TableLayout;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.sql.Sql;

/** SQL for table layouts: partitioned tables and partitions, inheritance, UNLOGGED. */
final class TableLayouts {
    private TableLayouts() {}

    /** The statements of a layout change, or null for another kind of change. */
    static List<String> render(Change change) {
        if (change instanceof Change.CreatePartitioned c) {
            List<String> out = new ArrayList<>(SqlRenderer.createTable(c.table()));
            for (TableModel p : c.partitions()) out.addAll(SqlRenderer.createTable(p));
            return out;
        }
        // its partitions go with it
        if (change instanceof Change.DropPartitioned c) return List.of("DROP TABLE IF EXISTS " + ident(c.table().name()));
        if (change instanceof Change.DetachPartition c) return List.of(ifPartition(c.table(), c.parent(), true,
                "ALTER TABLE " + ident(c.parent()) + " DETACH PARTITION " + ident(c.table())));
        if (change instanceof Change.AttachPartition c) return List.of(ifPartition(c.table(), c.parent(), false,
                "ALTER TABLE " + ident(c.parent()) + " ATTACH PARTITION " + ident(c.table()) + " " + c.bound()));
        if (change instanceof Change.SetUnlogged c) return List.of("ALTER TABLE IF EXISTS " + ident(c.table())
                + (c.unlogged() ? " SET UNLOGGED" : " SET LOGGED"));
        if (change instanceof Change.SetColumnCollation c) return List.of(collate(c));
        if (change instanceof Change.OnPartitionedTable c) return SqlRenderer.render(c.change());
        return null;
    }

    /** Only while the column has that type and another collation: a re-run (or a later type change) is left alone. */
    private static String collate(Change.SetColumnCollation c) {
        String collation = c.to() == null ? "default" : c.to();
        return "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " JOIN pg_collation co ON co.oid = a.attcollation WHERE a.attrelid = to_regclass(" + literal(ident(c.table()))
                + ") AND a.attname = " + literal(c.column()) + " AND format_type(a.atttypid, a.atttypmod) = " + literal(c.type())
                + " AND " + (c.to() == null ? "a.attcollation <> t.typcollation" : "co.collname <> " + literal(c.to()))
                + ") THEN\n        " + SqlRenderer.alterColumn(c.table(), c.column()) + "TYPE " + c.type() + " COLLATE "
                + ident(collation) + ";\n    END IF;\nEND $$";
    }

    /** CREATE TABLE with its layout: {@code parts} are its columns and constraints. */
    static String createTable(TableModel t, List<String> parts) {
        TableLayout l = t.shape();
        String body = parts.isEmpty() && l.isPartition() ? "" : " (\n    " + String.join(",\n    ", parts) + "\n)";
        StringBuilder sql = new StringBuilder("CREATE ").append(l.unlogged() ? "UNLOGGED " : "").append("TABLE IF NOT EXISTS ")
                .append(ident(t.name()));
        if (l.isPartition()) sql.append(" PARTITION OF ").append(ident(l.partitionOf())).append(body).append(' ').append(l.bound());
        else sql.append(body);
        if (!l.inherits().isEmpty()) {
            sql.append(" INHERITS (").append(l.inherits().stream().map(Sql::ident).collect(Collectors.joining(", "))).append(')');
        }
        if (l.isPartitioned()) sql.append(" PARTITION BY ").append(l.partitionBy());
        return sql.toString();
    }

    /** Runs {@code ddl} when the table is (or, {@code linked} false, is not) a child of the parent: a re-run is a no-op. */
    private static String ifPartition(String table, String parent, boolean linked, String ddl) {
        return "DO $$ BEGIN\n    IF " + (linked ? "" : "NOT ") + "EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass("
                + literal(ident(table)) + ") AND inhparent = to_regclass(" + literal(ident(parent)) + ")) THEN\n        "
                + ddl + ";\n    END IF;\nEND $$";
    }
}
