package org.somaagent01.migrator.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Constraint and index key columns are read as column numbers and named from the columns query's rows: in key
 * order, across a dropped column's gap, for inherited columns of a partition and for a materialized view, and by
 * the query itself for a table of another schema. An index key's collation is the one it has beyond its column's.
 */
class KeyColumnNamesTest {
    private static TestDatabase db;
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        db = TestServer.get().createDatabase();
        c = db.connect();
        c.setAutoCommit(true);
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
        db.close();
    }

    @BeforeEach
    void reset() throws SQLException {
        exec("DROP SCHEMA IF EXISTS other CASCADE", "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
    }

    private static void exec(String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String q : sql) st.execute(q);
        }
    }

    private static TableModel table(String name) throws SQLException {
        SchemaModel model = new CatalogInspector("public").inspect(c);
        return model.tables().get(name);
    }

    @Test
    void keysAreNamedInKeyOrderAcrossADroppedColumn() throws SQLException {
        exec("CREATE TABLE p (a int NOT NULL, gone int, b int, c int NOT NULL)",
                "ALTER TABLE p DROP COLUMN gone",
                "ALTER TABLE p ADD CONSTRAINT p_pk PRIMARY KEY (c, a)",
                "ALTER TABLE p ADD CONSTRAINT p_uq UNIQUE (b, c)",
                "CREATE TABLE ch (x int, y int, CONSTRAINT ch_fk FOREIGN KEY (y, x) REFERENCES p (c, a))");
        TableModel p = table("p");
        assertEquals(List.of("c", "a"), p.primaryKey().columns());
        assertEquals(List.of("b", "c"), p.uniques().get("p_uq").columns());
        ForeignKeyModel fk = table("ch").foreignKeys().get("ch_fk");
        assertEquals(List.of("y", "x"), fk.columns());
        assertEquals("p", fk.targetTable());
        assertEquals(List.of("c", "a"), fk.targetColumns());
    }

    @Test
    void aPartitionsOwnKeyNamesTheColumnsItInherits() throws SQLException {
        exec("CREATE TABLE parted (id int NOT NULL, v int NOT NULL) PARTITION BY RANGE (id)",
                "CREATE TABLE part1 PARTITION OF parted FOR VALUES FROM (0) TO (10)",
                "ALTER TABLE part1 ADD CONSTRAINT part1_uq UNIQUE (v, id)");
        TableModel part = table("part1");
        assertEquals(List.of(), part.columns(), "the partition's columns are its parent's");
        assertEquals(List.of("v", "id"), part.uniques().get("part1_uq").columns());
    }

    @Test
    void aForeignKeyToAnotherSchemaIsNamedByTheQuery() throws SQLException {
        exec("CREATE SCHEMA other",
                "CREATE TABLE other.r (k int, id int PRIMARY KEY)",
                "CREATE TABLE f (rid int, CONSTRAINT f_fk FOREIGN KEY (rid) REFERENCES other.r (id))");
        ForeignKeyModel fk = table("f").foreignKeys().get("f_fk");
        assertEquals(List.of("rid"), fk.columns());
        assertEquals("other.r", fk.targetTable());
        assertEquals(List.of("id"), fk.targetColumns());
    }

    @Test
    void indexKeysAreNamedAcrossADroppedColumnWithTheirOwnCollationOnly() throws SQLException {
        exec("CREATE TABLE t (gone int, name text COLLATE \"C\", label text, n int)",
                "ALTER TABLE t DROP COLUMN gone",
                "CREATE INDEX t_name ON t (name, n) INCLUDE (label)",
                "CREATE INDEX t_posix ON t (name COLLATE \"POSIX\", label COLLATE \"C\")",
                "CREATE INDEX t_expr ON t ((lower(label)) DESC)");
        TableModel t = table("t");
        IndexModel plain = t.indexes().get("t_name");
        assertEquals(List.of("name", "n"), plain.keys().stream().map(IndexModel.IndexKey::expression).toList());
        assertEquals(null, plain.keys().get(0).collation(), "the column's own collation is not the index's");
        assertEquals(List.of("label"), plain.include());
        IndexModel collated = t.indexes().get("t_posix");
        assertEquals("POSIX", collated.keys().get(0).collation());
        assertEquals("C", collated.keys().get(1).collation(), "C beyond the column's default collation");
        assertEquals("(lower(label))", t.indexes().get("t_expr").keys().get(0).expression());
    }

    @Test
    void aMaterializedViewsIndexNamesItsColumn() throws SQLException {
        exec("CREATE TABLE src (id int, v text)",
                "CREATE MATERIALIZED VIEW mv AS SELECT v, id FROM src",
                "CREATE INDEX mv_id ON mv (id)");
        SchemaModel model = new CatalogInspector("public").inspect(c);
        IndexModel index = model.views().get("mv").indexes().get("mv_id");
        assertEquals("id", index.keys().get(0).expression());
    }
}
