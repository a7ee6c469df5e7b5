package org.somaagent01.migrator.plan;

import static org.somaagent01.migrator.plan.Sql.ident;
import static org.somaagent01.migrator.plan.Sql.literal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.TableModel;

/**
 * Renders one {@link Change} as PostgreSQL statements. Statements are idempotent where PostgreSQL allows
 * ({@code IF [NOT] EXISTS}, {@code OR REPLACE}, {@code duplicate_object} handlers), so a script re-run over a
 * partly built schema, such as one the legacy init scripts left, converges instead of failing.
 */
public final class SqlRenderer {
    private SqlRenderer() {}

    public static List<String> render(Change change) {
        // Java 17 has no pattern switch; one branch per Change kind
        if (change instanceof Change.CreateExtension c) return List.of("CREATE EXTENSION IF NOT EXISTS " + ident(c.extension().name()));
        if (change instanceof Change.DropExtension c) return List.of("DROP EXTENSION IF EXISTS " + ident(c.extension().name()));
        if (change instanceof Change.CreateEnum c) return List.of(ignoreDuplicate("CREATE TYPE " + ident(c.type().name()) + " AS ENUM ("
                + c.type().labels().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")"));
        if (change instanceof Change.DropEnum c) return List.of("DROP TYPE IF EXISTS " + ident(c.type().name()));
        if (change instanceof Change.CreateTable c) return List.of(createTable(c.table()));
        if (change instanceof Change.DropTable c) return List.of("DROP TABLE IF EXISTS " + ident(c.table().name()));
        if (change instanceof Change.AddForeignKey c) return List.of(ignoreDuplicate("ALTER TABLE " + ident(c.table())
                + " ADD CONSTRAINT " + ident(c.foreignKey().name()) + " " + foreignKey(c.foreignKey())));
        if (change instanceof Change.DropForeignKey c) return List.of("ALTER TABLE IF EXISTS " + ident(c.table())
                + " DROP CONSTRAINT IF EXISTS " + ident(c.foreignKey().name()));
        if (change instanceof Change.CreateIndex c) return List.of(createIndex(c.table(), c.index()));
        if (change instanceof Change.DropIndex c) return List.of("DROP INDEX IF EXISTS " + ident(c.index().name()));
        if (change instanceof Change.CreateFunction c) return List.of("CREATE OR REPLACE FUNCTION " + ident(c.function().name())
                + "() RETURNS " + c.function().returns() + " LANGUAGE " + c.function().language() + " AS "
                + Sql.dollarQuoted(c.function().body(), "body"));
        if (change instanceof Change.DropFunction c) return List.of("DROP FUNCTION IF EXISTS " + ident(c.function().name()) + "()");
        if (change instanceof Change.CreateTrigger c) return List.of("CREATE OR REPLACE TRIGGER " + ident(c.trigger().name()) + " "
                + c.trigger().timing() + " " + String.join(" OR ", c.trigger().events()) + " ON "
                + ident(c.trigger().table()) + " FOR EACH " + (c.trigger().forEachRow() ? "ROW" : "STATEMENT")
                + " EXECUTE FUNCTION " + ident(c.trigger().function()) + "()");
        if (change instanceof Change.DropTrigger c) return List.of("DROP TRIGGER IF EXISTS " + ident(c.trigger().name()) + " ON "
                + ident(c.trigger().table()));
        if (change instanceof Change.SetTableComment c) return List.of("COMMENT ON TABLE " + ident(c.table()) + " IS "
                + (c.to() == null ? "NULL" : literal(c.to())));
        throw new IllegalArgumentException("no SQL for " + change);
    }

    static String createTable(TableModel t) {
        List<String> parts = new ArrayList<>();
        for (ColumnModel c : t.columns()) parts.add(column(t.name(), c));
        if (t.primaryKey() != null) parts.add(keyConstraint(t.primaryKey(), "PRIMARY KEY"));
        for (KeyConstraint u : t.uniques().values()) parts.add(keyConstraint(u, "UNIQUE"));
        for (CheckModel ck : t.checks().values()) parts.add("CONSTRAINT " + ident(ck.name()) + " CHECK (" + ck.expression() + ")");
        return "CREATE TABLE IF NOT EXISTS " + ident(t.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)";
    }

    static String column(String table, ColumnModel c) {
        if (c.isSerial(table)) {
            return ident(c.name()) + " " + serialType(c.type()) + (c.notNull() ? " NOT NULL" : "");
        }
        return ident(c.name()) + " " + c.type()
                + (c.defaultExpression() == null ? "" : " DEFAULT " + c.defaultExpression())
                + (c.notNull() ? " NOT NULL" : "");
    }

    private static String serialType(String type) {
        return switch (type) {
            case "bigint" -> "bigserial";
            case "smallint" -> "smallserial";
            default -> "serial";
        };
    }

    private static String keyConstraint(KeyConstraint k, String kind) {
        return "CONSTRAINT " + ident(k.name()) + " " + kind + " (" + columns(k.columns()) + ")";
    }

    static String foreignKey(ForeignKeyModel fk) {
        return "FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES " + ident(fk.targetTable()) + " ("
                + columns(fk.targetColumns()) + ")"
                + (fk.onUpdate() == org.somaagent01.migrator.model.ForeignKeyAction.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql)
                + (fk.onDelete() == org.somaagent01.migrator.model.ForeignKeyAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql);
    }

    static String createIndex(String table, IndexModel ix) {
        String keys = ix.keys().stream().map(k -> (k.expression().startsWith("(") ? k.expression() : ident(k.expression()))
                + (k.opclass() == null ? "" : " " + k.opclass()) + (k.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        String with = ix.with().isEmpty() ? "" : " WITH (" + ix.with().entrySet().stream()
                .map(SqlRenderer::storageParameter).collect(Collectors.joining(", ")) + ")";
        return "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + ident(ix.name()) + " ON "
                + ident(table) + " USING " + ix.method() + " (" + keys + ")" + with
                + (ix.predicate() == null ? "" : " WHERE " + ix.predicate());
    }

    private static String storageParameter(Map.Entry<String, String> p) {
        return p.getKey() + " = " + (p.getValue().matches("-?[0-9.]+|on|off|true|false") ? p.getValue() : literal(p.getValue()));
    }

    private static String columns(List<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    /** Wraps DDL that has no IF NOT EXISTS form so that an existing object is not an error. */
    private static String ignoreDuplicate(String ddl) {
        return "DO $$ BEGIN\n    " + ddl + ";\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$";
    }
}
