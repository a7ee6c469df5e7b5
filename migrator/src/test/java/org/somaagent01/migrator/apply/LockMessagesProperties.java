package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The pure parts: backoff, name parsing, and the bounds of what users read. */
class LockMessagesProperties {
    @Property(tries = 200)
    void backoffStaysWithinBoundsAndGrows(@ForAll @IntRange(min = 1, max = 1000) int retry,
                                          @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double unit) {
        long d = LockRetry.backoffMillis(retry, unit);
        assertTrue(d >= 100 && d <= 5000, "retry " + retry + ": " + d);
        if (retry == 1) assertTrue(d <= 200, "the first wait is short: " + d);
        // the slowest wait of a retry never exceeds the fastest of a later one by more than the jitter
        assertTrue(LockRetry.backoffMillis(retry, 0) <= LockRetry.backoffMillis(retry + 1, 0));
    }

    @Example
    void quotedAndUnquotedNames() {
        assertEquals(List.of("\"app\".\"events\""), Blockers.candidates(Blockers.parse("app.events")));
        assertEquals(List.of("\"app\".\"events\"", "\"App\".\"Events\""), Blockers.candidates(Blockers.parse("App.Events")));
        assertEquals(List.of("\"MixedCase\""), Blockers.candidates(Blockers.parse("\"MixedCase\"")));
        assertEquals(List.of("\"a\"\"b\".\"c d\""), Blockers.candidates(Blockers.parse("\"a\"\"b\" . \"c d\"")));
        for (String bad : List.of("", ".", "a.", "a b", "\"a", "a\"b\"", "\"a\"b", "a.b.c.d", "a..b")) {
            assertEquals(List.of(), Blockers.parse(bad), bad);
        }
    }

    /** Quoting a parsed name and parsing it again gives the same parts: to_regclass reads what we meant. */
    @Property(tries = 200)
    void renderedNamesParseBack(@ForAll("parts") List<Blockers.Part> parts) {
        for (String form : Blockers.candidates(parts)) {
            List<Blockers.Part> again = Blockers.parse(form);
            assertEquals(parts.size(), again.size(), form);
            for (int i = 0; i < parts.size(); i++) {
                assertTrue(again.get(i).quoted());
                assertTrue(again.get(i).name().equalsIgnoreCase(parts.get(i).name()), form);
            }
        }
    }

    @Provide
    Arbitrary<List<Blockers.Part>> parts() {
        Arbitrary<Blockers.Part> part = Combinators.combine(
                Arbitraries.strings().withChars("aZ_9\" .é").ofMinLength(1).ofMaxLength(12), Arbitraries.of(true, false))
                .as(Blockers.Part::new).filter(p -> p.quoted() || p.name().matches("[A-Za-z_9é]+"));
        return part.list().ofMinSize(1).ofMaxSize(3);
    }

    /** Whatever other sessions show us, the give-up message is one bounded line that still says what to do. */
    @Property(tries = 200)
    void giveUpMessageIsOneBoundedLine(@ForAll("blockers") List<Blockers.Blocker> blockers,
                                       @ForAll("text") String what, @ForAll("relations") List<String> relations) {
        String d = Blockers.describe(blockers);
        assertFalse(d.contains("\n") || d.contains("\r"), d);
        assertTrue(d.length() <= 600, d.length() + ": " + d);
        String msg = new LockRetry(Duration.ofSeconds(2), 10, s -> {}).giveUp(what, relations, d);
        assertFalse(msg.contains("\n") || msg.contains("\r"), msg);
        assertTrue(msg.length() <= LockRetry.MAX_MESSAGE, msg.length() + ": " + msg);
        assertTrue(msg.endsWith("; end that transaction or retry later (--ddl-lock-timeout, --ddl-lock-retries)"),
                "the advice is never cut: " + msg);
    }

    @Example
    void passwordLiteralsInABlockersQueryAreHidden() {
        Blockers.Blocker b = new Blockers.Blocker(7, "psql", "soma", "active", 3L,
                "ALTER ROLE app PASSWORD 's3cr''et' VALID UNTIL 'infinity'");
        String d = b.describe();
        assertFalse(d.contains("s3cr"), d);
        assertTrue(d.contains("PASSWORD '***' VALID UNTIL"), d);
    }

    @Example
    void invisibleSessionsAndManyHolders() {
        Blockers.Blocker hidden = new Blockers.Blocker(9, null, null, null, null, "<insufficient privilege>");
        assertEquals("pid 9 (details not visible to this user (grant pg_read_all_stats))", hidden.describe());
        List<Blockers.Blocker> many = new ArrayList<>();
        for (int i = 1; i <= 5; i++) many.add(new Blockers.Blocker(i, "", "u", "idle in transaction", 1L, "SELECT 1"));
        assertEquals("pid 1 (user u, idle in transaction for 1 s: 'SELECT 1'), pid 2 (user u, idle in transaction "
                + "for 1 s: 'SELECT 1') and 3 more", Blockers.describe(many));
        assertEquals("a, b and c", LockRetry.relations(List.of("a", "b", "c")));
        assertEquals("a, b, c and 2 more", LockRetry.relations(List.of("a", "b", "c", "d", "e")));
        assertEquals("2 s", LockRetry.human(Duration.ofSeconds(2)));
        assertEquals("1.5 s", LockRetry.human(Duration.ofMillis(1500)));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    @Provide
    Arbitrary<List<String>> relations() {
        return text().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Blockers.Blocker>> blockers() {
        Arbitrary<String> maybe = text().injectNull(0.2);
        Arbitrary<Blockers.Blocker> b = Combinators.combine(Arbitraries.integers().greaterOrEqual(0), maybe, maybe, maybe,
                Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.2), maybe).as(Blockers.Blocker::new);
        return b.list().ofMaxSize(6);
    }
}
