package org.somaagent01.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jetbrains.exposed.v1.core.Table;
import org.jetbrains.exposed.v1.jdbc.SchemaUtils;
import org.junit.jupiter.api.Test;
import org.somaagent01.db.SomaDatabase;
import org.somaagent01.migrator.Migrations;
import org.somaagent01.schema.SomaSchema;
import org.somaagent01.schema.pg.PgEnumType;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Exposed sees the whole table: {@code SchemaUtils.create} over the PgTable objects (after the enum types and the
 * extension, which Exposed cannot create) gives the columns, keys, UNIQUEs, CHECKs, foreign keys and indexes the
 * migrator's scripts give, compared in the catalog. The one difference is documented: ivfflat's {@code WITH (lists
 * = 100)} (Exposed has no place for storage parameters; 100 is also pgvector's default). Triggers and comments are
 * the migrator's alone; for a complete test database use {@link Migrations#migrate}.
 */
class ExposedCreateMatchesMigratorTest {
    private static final String CATALOG = """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                   || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') || ' #' || a.attnum
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
