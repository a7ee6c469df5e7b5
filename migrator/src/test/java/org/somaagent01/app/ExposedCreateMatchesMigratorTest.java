package org.somaagent01.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.Table;
import org.jetbrains.exposed.v1.jdbc.SchemaUtils;
import org.junit.jupiter.api.Test;
import org.somaagent01.db.SomaDatabase;
import org.somaagent01.migrator.Migrations;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.schema.SomaSchema;
import org.somaagent01.schema.pg.Identity;
import org.somaagent01.schema.pg.PgEnumType;
import org.somaagent01.schema.pg.PgTable;
import org.somaagent01.schema.pg.SchemaDeclaration;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Exposed sees the whole table: {@code SchemaUtils.create} over the PgTable objects (after the enum types and the
 * extension, which Exposed cannot create) gives the columns, keys, UNIQUEs, CHECKs, foreign keys and indexes the
 * migrator's scripts give, compared in the catalog. The one difference is documented: ivfflat's {@code WITH (lists
 * = 100)} (Exposed has no place for storage parameters; 100 is also pgvector's default). Triggers and table comments
 * are the migrator's alone; for a complete test database use {@link Migrations#migrate}. Identity columns, generated
 * stored columns and column comments Exposed creates as the migrator does ({@link #identityGeneratedAndCommentedColumns}).
 */
class ExposedCreateMatchesMigratorTest {
    private static final String CATALOG = """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                   || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || CASE a.attidentity WHEN 'a' THEN ' IDENTITY ALWAYS' WHEN 'd' THEN ' IDENTITY BY DEFAULT' ELSE '' END
                   || CASE a.attgenerated WHEN 's' THEN ' GENERATED STORED' ELSE '' END
                   || coalesce(' COMMENT ' || col_description(c.oid, a.attnum), '') || ' #' || a.attnum
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> 0
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            """;

    @Test
    void schemaUtilsCreateGivesTheMigratorsTables() throws Exception {
        try (TestDatabase migrated = TestServer.get().createDatabase(); TestDatabase created = TestServer.get().createDatabase();
             SomaDatabase viaMigrator = SomaDatabase.connect(migrated.uri()); SomaDatabase viaExposed = SomaDatabase.connect(created.uri())) {
            Migrations.migrate(viaMigrator.getDataSource());
            viaExposed.inTx(tx -> {
                tx.exec("CREATE EXTENSION IF NOT EXISTS vector");
                for (PgEnumType<?> type : SomaSchema.DECLARATION.enumTypes()) {
                    tx.exec("CREATE TYPE " + type.name() + " AS ENUM (" + type.labels().stream().map(l -> "'" + l + "'")
                            .collect(Collectors.joining(", ")) + ")");
                }
                SchemaUtils.INSTANCE.create(SomaSchema.DECLARATION.tables().toArray(new Table[0]), false);
            });
            TreeSet<String> fromMigrator = catalog(viaMigrator);
            TreeSet<String> fromExposed = catalog(viaExposed);
            List<String> onlyMigrator = new ArrayList<>(fromMigrator);
            onlyMigrator.removeAll(fromExposed);
            List<String> onlyExposed = new ArrayList<>(fromExposed);
            onlyExposed.removeAll(fromMigrator);
            assertEquals(List.of("index CREATE INDEX ix_session_embeddings_vector ON public.session_embeddings USING ivfflat "
                    + "(vector vector_cosine_ops) WITH (lists='100')"), onlyMigrator);
            assertEquals(List.of("index CREATE INDEX ix_session_embeddings_vector ON public.session_embeddings USING ivfflat "
                    + "(vector vector_cosine_ops)"), onlyExposed);
        }
    }

    /** PgTable's identity and generated columns reach Exposed's DDL; column comments are Exposed's own. */
    static final class Ledger extends PgTable {
        final Column<Long> id = identity(bigint("id"), Identity.ALWAYS);
        final Column<Integer> externalNo = comment(identity(integer("external_no"), Identity.BY_DEFAULT), "from the bank's file");
        final Column<String> memo = comment(text("memo"), "as the customer wrote it");
        final Column<String> memoKey = generatedAlways(text("memo_key"), "lower(memo)");
        final Column<Integer> memoLength = nullable(generatedAlways(integer("memo_length"), "length(memo)"));

        Ledger() {
            super("ledger");
            primaryKey("ledger_pkey", id);
        }
    }

    @Test
    void identityGeneratedAndCommentedColumns() throws Exception {
        Ledger ledger = new Ledger();
        SchemaModel declared = DeclaredSchema.toModel(new SchemaDeclaration(List.of(), List.of(), List.of(ledger),
                List.of(), List.of()));
        try (TestDatabase migrated = TestServer.get().createDatabase(); TestDatabase created = TestServer.get().createDatabase();
             SomaDatabase viaMigrator = SomaDatabase.connect(migrated.uri()); SomaDatabase viaExposed = SomaDatabase.connect(created.uri())) {
            viaMigrator.autocommit(new Plan(Differ.diff(SchemaModel.EMPTY, declared)).upStatements().toArray(new String[0]));
            viaExposed.inTx(tx -> SchemaUtils.INSTANCE.create(new Table[]{ledger}, false));
            TreeSet<String> fromMigrator = catalog(viaMigrator);
            assertEquals(fromMigrator, catalog(viaExposed));
            // the comparison sees what it is about
            assertTrue(fromMigrator.contains("column ledger.id bigint NOT NULL IDENTITY ALWAYS #1"), fromMigrator::toString);
            assertTrue(fromMigrator.contains("column ledger.external_no integer NOT NULL IDENTITY BY DEFAULT "
                    + "COMMENT from the bank's file #2"), fromMigrator::toString);
            assertTrue(fromMigrator.contains("column ledger.memo_key text NOT NULL DEFAULT lower(memo) GENERATED STORED #4"),
                    fromMigrator::toString);
            assertTrue(fromMigrator.contains("column ledger.memo_length integer DEFAULT length(memo) GENERATED STORED #5"),
                    fromMigrator::toString);
        }
    }

    private static TreeSet<String> catalog(SomaDatabase db) {
        return db.readOnly(tx -> {
            TreeSet<String> lines = new TreeSet<>();
            Connection c = tx.jdbc();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CATALOG)) {
                while (rs.next()) lines.add(rs.getString(1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return lines;
        });
    }
}
