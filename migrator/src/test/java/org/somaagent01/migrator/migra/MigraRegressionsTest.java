package org.somaagent01.migrator.migra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.migra.PairRoundTrip.Kind;
import org.somaagent01.migrator.migra.PairRoundTrip.Outcome;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.ViewModel;

/**
 * The bugs the migra fixtures found in modelled kinds, each distilled: the pure differ's changes, and the pair
 * through {@link PairRoundTrip} on the real server (up, down and the way back all give the other side's dump).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigraRegressionsTest {
    private PairRoundTrip pairs;

    @BeforeAll
    void databases() throws Exception {
        pairs = new PairRoundTrip();
    }

    @AfterAll
    void drop() {
        if (pairs != null) pairs.close();
    }

    private static final ColumnModel SERIAL_ID = new ColumnModel("id", "integer", true, "nextval('t_id_seq'::regclass)");

    private static SchemaModel table(ColumnModel id, List<SequenceModel> sequences) {
        TableModel t = TableModel.of("t", List.of(id), new KeyConstraint("t_pkey", List.of("id")), List.of(), List.of(),
                List.of(), List.of(), List.of(), null);
        return SchemaModel.of(List.of(), List.of(), List.of(t), List.of(), sequences, List.of());
    }

    // seq fixture: a serial column's sequence on one side is a sequence of its own (not owned) on the other
    @Test
    void aSequenceOfItsOwnThatASerialColumnOwnsIsReOwnedNotDropped() {
        SequenceModel own = SequenceModel.defaults("t_id_seq");
        List<Change> changes = Differ.diff(table(SERIAL_ID, List.of(own)), table(SERIAL_ID, List.of()));
        assertEquals(List.of(new Change.AlterSequence(own,
                        new SequenceModel("t_id_seq", "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false, "t.id")),
                new Change.SetSequenceOwner("t_id_seq", null, "t.id")), changes);
    }

    // everything fixture: products.product_no integer became serial; SET DEFAULT nextval named a missing sequence
    @Test
    void aColumnThatBecomesSerialGetsItsSequenceAndOneThatStopsLosesIt() {
        ColumnModel plain = new ColumnModel("id", "integer", true, null);
        List<Change> changes = Differ.diff(table(plain, List.of()), table(SERIAL_ID, List.of()));
        SequenceModel made = new SequenceModel("t_id_seq", "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false, "t.id");
        assertTrue(changes.indexOf(new Change.CreateSequence(made)) >= 0, changes.toString());
        assertTrue(changes.indexOf(new Change.CreateSequence(made)) < indexOfDefault(changes), changes.toString());
        assertTrue(changes.contains(new Change.SetSequenceOwner("t_id_seq", null, "t.id")), changes.toString());

        List<Change> back = Differ.diff(table(SERIAL_ID, List.of()), table(plain, List.of()));
        assertTrue(back.indexOf(new Change.DropSequence(made)) > indexOfDefault(back), back.toString());
    }

    private static int indexOfDefault(List<Change> changes) {
        for (int i = 0; i < changes.size(); i++) if (changes.get(i).getClass().getSimpleName().contains("Default")) return i;
        throw new AssertionError("no default change in " + changes);
    }

    // enumdeps fixture: a label added under a view; the down swaps the type, which the view blocks
    @Test
    void aViewOnAColumnOfAnEnumThatGainsALabelIsRebuilt() {
        TableModel t = TableModel.of("t", List.of(new ColumnModel("category", "e", false, null)), null, List.of(),
                List.of(), List.of(), List.of(), List.of(), null);
        ViewModel v = new ViewModel("v", false, " SELECT t.category\n   FROM t;", null, List.of("t", "t.category"));
        SchemaModel before = SchemaModel.of(List.of(), List.of(new EnumType("e", List.of("a"))), List.of(t), List.of(),
                List.of(), List.of(v));
        SchemaModel after = SchemaModel.of(List.of(), List.of(new EnumType("e", List.of("a", "b"))), List.of(t), List.of(),
                List.of(), List.of(v));
        List<Change> changes = Differ.diff(before, after);
        assertTrue(changes.contains(new Change.DropView(v)) && changes.contains(new Change.CreateView(v)), changes.toString());
    }

    @Test
    void sequenceOwnershipSwapRoundTrips() throws Exception {
        assertRoundTrip("seq-swap", """
                CREATE TABLE a (id serial PRIMARY KEY);
                CREATE SEQUENCE b_id_seq;
                CREATE TABLE b (id integer NOT NULL DEFAULT nextval('b_id_seq'::regclass));""", """
                CREATE SEQUENCE a_id_seq;
                CREATE TABLE a (id integer NOT NULL DEFAULT nextval('a_id_seq'::regclass) PRIMARY KEY);
                CREATE TABLE b (id serial);""");
    }

    // found while at it: a new table whose default draws from a sequence of its own named as a serial's; the
    // sequence was created first and the column as serial, which made (and drew from) a second sequence, t_id_seq1;
    // and a new nullable column drawing from its own-named sequence came out NOT NULL (serial implies it)
    @Test
    void aNewColumnDrawingFromASequenceOfItsOwnNamedAsASerialsRoundTrips() throws Exception {
        assertRoundTrip("serial-named-own-sequence", "CREATE TABLE keep (id integer)", """
                CREATE SEQUENCE a_id_seq START 100 CACHE 5;
                CREATE TABLE a (id integer NOT NULL DEFAULT nextval('a_id_seq'::regclass) PRIMARY KEY);
                CREATE TABLE keep (id integer);
                CREATE SEQUENCE keep_n_seq;
                ALTER TABLE keep ADD COLUMN n bigint DEFAULT nextval('keep_n_seq'::regclass);
                CREATE TABLE plain (id integer NOT NULL);
                CREATE SEQUENCE plain_id_seq AS integer;
                CREATE TABLE nullable (id serial);
                ALTER TABLE nullable ALTER COLUMN id DROP NOT NULL;""");
    }

    @Test
    void becomingSerialRoundTrips() throws Exception {
        assertRoundTrip("to-serial", "CREATE TABLE t (id integer PRIMARY KEY, n bigint)",
                "CREATE TABLE t (id serial PRIMARY KEY, n bigserial)");
    }

    @Test
    void enumLabelUnderAViewRoundTrips() throws Exception {
        assertRoundTrip("enum-under-view", """
                CREATE TYPE e AS ENUM ('a', 'b');
                CREATE TABLE t (id integer PRIMARY KEY, category e);
                CREATE VIEW v AS SELECT * FROM t;
                CREATE VIEW v2 AS SELECT *, 'b'::e AS b FROM v;""", """
                CREATE TYPE e AS ENUM ('a', 'b', 'c');
                CREATE TABLE t (id integer PRIMARY KEY, category e);
                CREATE VIEW v AS SELECT * FROM t;
                CREATE VIEW v2 AS SELECT *, 'b'::e AS b FROM v;""");
    }

    private void assertRoundTrip(String name, String a, String b) throws Exception {
        Outcome o = pairs.run(name, a, b);
        assertEquals(Kind.ROUND_TRIP, o.kind(), o.reason());
    }
}
