package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.CollationModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.Snapshots;

/** Collations: golden SQL, the inspector against pg_collation, and live round trips with columns that use them. */
class CollationsTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException { db = new LiveSchema(); }

    @AfterAll
    static void close() throws SQLException { if (db != null) db.close(); }

    @Test
    void collationsRender() {
        Golden.renders(new Change.CreateCollation(CollationModel.icu("numeric", "en-u-kn-true", true)),
                // a keyword: quoted
                "CREATE COLLATION IF NOT EXISTS \"numeric\" (provider = icu, locale = 'en-u-kn-true')",
                "DROP COLLATION IF EXISTS \"numeric\"");
        Golden.renders(new Change.CreateCollation(CollationModel.icu("ci", "und-u-ks-level2", false)),
                "CREATE COLLATION IF NOT EXISTS ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                "DROP COLLATION IF EXISTS ci");
        // only while another definition is there: a re-run, after a column was put on the new one, does nothing
        Golden.renders(new Change.ReplaceCollation(CollationModel.libc("posix", "POSIX"), CollationModel.libc("posix", "C")),
                List.of(replaced("C", "DROP COLLATION posix;\n    CREATE COLLATION posix (provider = libc, lc_collate = 'C', lc_ctype = 'C')")),
                List.of(replaced("POSIX", "DROP COLLATION posix;\n    CREATE COLLATION posix (provider = libc, lc_collate = 'POSIX', lc_ctype = 'POSIX')")));
    }

    private static String replaced(String locale, String body) {
        String row = "(SELECT to_jsonb(co) FROM pg_collation co WHERE co.collname = 'posix' AND co.collnamespace = current_schema()::regnamespace)";
        return "DO $$ BEGIN\nIF " + row + " IS NOT NULL AND NOT (" + row + " ->> 'collprovider' = 'c' AND coalesce(" + row
                + " ->> 'colliculocale', " + row + " ->> 'colllocale') IS NOT DISTINCT FROM NULL AND " + row
                + " ->> 'collcollate' IS NOT DISTINCT FROM '" + locale + "' AND " + row + " ->> 'collctype' IS NOT DISTINCT FROM '"
                + locale + "' AND (" + row + " ->> 'collisdeterministic')::boolean = true) THEN\n    " + body + ";\nEND IF;\nEND $$";
    }

    @Test
    void theInspectorReadsCollationsAsStoredSoACopyOfPosixIsALibcPosixOne() throws SQLException {
        SchemaModel s = db.load("CREATE COLLATION posix FROM \"POSIX\"",
                "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
        assertEquals(List.of(CollationModel.icu("ci", "und-u-ks-level2", false), CollationModel.libc("posix", "POSIX")),
                List.copyOf(s.collations().values()));
        assertEquals(s, Snapshots.read(Snapshots.write(s), "test"));
        assertTrue(!Snapshots.write(SchemaModel.EMPTY).contains("collations"), "none stay out of snapshots");
    }

    @Test
    void migrasCollationPairRoundTripsWithTheColumnsThatUseThem() throws SQLException {
        SchemaModel a = db.load("CREATE COLLATION posix FROM \"POSIX\"", "CREATE TABLE t (a text, b text COLLATE posix)",
                "CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true')");
        SchemaModel b = db.load("CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true')",
                "CREATE TABLE t (a text, b text COLLATE numeric, c text COLLATE numeric)");
        db.roundTrip(a, b);
        db.roundTrip(b, a);
    }

    @Test
    void aCollationDefinedAnewUnderColumnsIsSwappedWithTheViewsOnThem() throws SQLException {
        String using = "; CREATE TABLE t (id integer, name text COLLATE sorted, code character varying(10) COLLATE sorted);"
                + " CREATE INDEX t_name ON t (name); CREATE VIEW v AS SELECT name FROM t";
        SchemaModel a = db.load("CREATE COLLATION sorted (provider = icu, locale = 'en')" + using);
        SchemaModel b = db.load("CREATE COLLATION sorted (provider = icu, locale = 'de-u-co-phonebk')" + using);
        SchemaModel c = db.load("CREATE COLLATION sorted FROM \"C\"" + using);
        db.roundTrip(a, b);
        db.roundTrip(a, c);
    }

    /**
     * A column that leaves a collation defined anew (for the default, or another) is moved by its own change before
     * the swap, which moves only the columns that keep it: DatabaseRoundTripProperties found a partitioned table's
     * column put back on the new definition.
     */
    @Test
    void aColumnLeavingACollationDefinedAnewStaysOffIt() throws SQLException {
        SchemaModel a = db.load("CREATE COLLATION sorted (provider = icu, locale = 'de-u-kn-true')",
                "CREATE TABLE t (id integer, c text COLLATE sorted NOT NULL, d text COLLATE sorted) PARTITION BY RANGE (id)",
                "CREATE TABLE t_1 PARTITION OF t FOR VALUES FROM (0) TO (10)", "CREATE TABLE u (e text COLLATE sorted)");
        SchemaModel b = db.load("CREATE COLLATION sorted (provider = icu, locale = 'en-u-kn-true')",
                "CREATE TABLE t (id integer, c text NOT NULL, d text COLLATE sorted) PARTITION BY RANGE (id)",
                "CREATE TABLE t_1 PARTITION OF t FOR VALUES FROM (0) TO (10)", "CREATE TABLE u (e text COLLATE \"C\")");
        db.roundTrip(a, b);
    }

    @Test
    void aCollationDefinedAnewIsReplaced() throws SQLException {
        db.roundTrip(db.load("CREATE COLLATION sorted (provider = icu, locale = 'en')"),
                db.load("CREATE COLLATION sorted (provider = icu, locale = 'de-u-co-phonebk')"));
    }
}
