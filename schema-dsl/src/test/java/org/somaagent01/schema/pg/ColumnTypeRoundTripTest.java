package org.somaagent01.schema.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ServiceLoader;
import kotlin.Unit;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ResultRow;
import org.jetbrains.exposed.v1.jdbc.Database;
import org.jetbrains.exposed.v1.jdbc.DatabaseConnectionAutoRegistration;
import org.jetbrains.exposed.v1.jdbc.QueriesKt;
import org.jetbrains.exposed.v1.jdbc.transactions.TransactionManager;
import org.jetbrains.exposed.v1.jdbc.transactions.TransactionsKt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;
import org.somaagent01.schema.AssetType;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** Each custom column type, written and read back through Exposed against a real PostgreSQL with pgvector. */
@Tag("quick") // the one database test of this module in scripts/test.sh --quick
class ColumnTypeRoundTripTest {
    static final class RoundTrip extends PgTable {
        final Column<Integer> id = integer("id");
        final Column<AssetType> kind = nullable(pgEnum("kind", AssetType.PG_TYPE));
        final Column<float[]> embedding = nullable(vector("embedding", 384));
        final Column<List<String>> tags = nullable(textArray("tags"));
        final Column<JsonNode> doc = nullable(jsonb("doc"));
        final Column<byte[]> blob = nullable(bytea("blob"));
        final Column<OffsetDateTime> at = nullable(withDefault(timestamptz("at"), "now()"));

        RoundTrip() {
            super("round_trip");
            primaryKey(null, id);
        }
    }

    static final RoundTrip T = new RoundTrip();
    static TestDatabase db;
    static Database exposed;

    @BeforeAll
    static void createTable() throws Exception {
        db = TestServer.get().createDatabase();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION vector");
            st.execute("CREATE TYPE asset_type AS ENUM ('image', 'video', 'diagram', 'screenshot', 'document')");
            st.execute("CREATE TABLE round_trip (id integer PRIMARY KEY, kind asset_type, embedding vector(384), "
                    + "tags text[], doc jsonb, blob bytea, at timestamptz DEFAULT now())");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        DatabaseConnectionAutoRegistration registration =
                ServiceLoader.load(DatabaseConnectionAutoRegistration.class).findFirst().orElseThrow();
        exposed = Database.Companion.connect(ds, c -> Unit.INSTANCE, null, registration, d -> new TransactionManager(d, null));
    }

    @AfterAll
    static void drop() {
        TransactionManager.Companion.closeAndUnregister(exposed);
        db.close();
    }

    private static ResultRow roundTrip(int id, java.util.function.BiConsumer<RoundTrip, org.jetbrains.exposed.v1.core.statements.InsertStatement<Number>> values) {
        return TransactionsKt.transaction(exposed, null, null, tx -> {
            QueriesKt.insert(T, (t, st) -> {
                st.set(t.id, id);
                values.accept(t, st);
                return Unit.INSTANCE;
            });
            return QueriesKt.selectAll(T).where(org.jetbrains.exposed.v1.core.OpBuilderKt.eq(T.id, id)).iterator().next();
        });
    }

    @Test
    void javaEnumMapsToItsLowerCaseLabel() throws Exception {
        ResultRow row = roundTrip(1, (t, st) -> st.set(t.kind, AssetType.SCREENSHOT));
        assertEquals(AssetType.SCREENSHOT, row.get(T.kind));
        assertEquals("screenshot", rawText("SELECT kind::text FROM round_trip WHERE id = 1"));
    }

    @Test
    void vectorOf384DimensionsKeepsEveryComponent() {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(i) * 3.25f - i / 7f;
        ResultRow row = roundTrip(2, (t, st) -> st.set(t.embedding, v));
        assertArrayEquals(v, row.get(T.embedding));
    }

    @Test
    void textArrayWithCommasQuotesAndBracesSurvives() throws Exception {
        List<String> tags = List.of("a,b", "say \"hi\"", "it's", "{braces}", "back\\slash", "", "NULL", "ünï");
        ResultRow row = roundTrip(3, (t, st) -> st.set(t.tags, tags));
        assertEquals(tags, row.get(T.tags));
        assertEquals("8", rawText("SELECT cardinality(tags)::text FROM round_trip WHERE id = 3"));
    }

    @Test
    void jsonbKeepsStructureAndTypes() throws Exception {
        JsonNode doc = new ObjectMapper().readTree("{\"n\": 1.5, \"list\": [1, \"two\", null, true], \"nested\": {\"k\": \"v\\\"q\"}}");
        ResultRow row = roundTrip(4, (t, st) -> st.set(t.doc, doc));
        assertEquals(doc, row.get(T.doc));
        assertEquals("two", rawText("SELECT doc->'list'->>1 FROM round_trip WHERE id = 4"));
    }

    @Test
    void byteaKeepsEveryByteValue() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        ResultRow row = roundTrip(5, (t, st) -> st.set(t.blob, bytes));
        assertArrayEquals(bytes, row.get(T.blob));
    }

    @Test
    void sqlDefaultIsLeftToTheDatabase() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        ResultRow row = roundTrip(6, (t, st) -> { });
        assertEquals(true, row.get(T.at).isAfter(before), "now() default filled by PostgreSQL");
    }

    private static String rawText(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
