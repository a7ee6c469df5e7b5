package org.somaagent01.migrator.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Lines (bounded messages) and the jittered backoff: pure code. */
class BoundedTextProperties {
    @Property(tries = 300)
    void cutTextIsBoundedAndKeepsBothEnds(@ForAll @StringLength(max = 3000) String text, @ForAll @IntRange(min = 10, max = 600) int max) {
        String cut = Lines.cut(text, max);
        assertTrue(cut.length() <= max, () -> cut.length() + " > " + max);
        if (text.length() <= max) {
            assertEquals(text, cut);
        } else {
            int ellipsis = cut.indexOf(Lines.ELLIPSIS);
            assertTrue(ellipsis > 0, cut);
            assertTrue(text.startsWith(cut.substring(0, ellipsis)));
            assertTrue(text.endsWith(cut.substring(ellipsis + Lines.ELLIPSIS.length())));
        }
        // no half of a surrogate pair at either edge of the cut
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isHighSurrogate(c)) assertTrue(i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1)), cut);
            if (Character.isLowSurrogate(c)) assertTrue(i > 0 && Character.isHighSurrogate(cut.charAt(i - 1)), cut);
        }
    }

    @Property(tries = 200)
    void maskingBeforeCuttingNeverShowsAPasswordPiece(@ForAll @StringLength(min = 1, max = 40) @Chars({'x', 'y', 'z', '§'}) String password,
                                                      @ForAll @IntRange(min = 0, max = 2000) int padding) {
        String line = "a".repeat(padding) + " password " + password + " " + "b".repeat(padding);
        String shown = Lines.cut(Lines.oneLine(Secrets.of(password).mask(line)), Lines.MAX);
        assertTrue(shown.length() <= Lines.MAX);
        assertTrue(shown.chars().noneMatch(c -> "xyz§".indexOf(c) >= 0), shown);
    }

    @Test
    void oneLineJoinsLinesAndQuoteDropsTheFinalPeriod() {
        assertEquals("ERROR: x Detail: y.", Lines.oneLine("ERROR: x\n  Detail: y.\n"));
        assertEquals("ERROR: x Detail: y", Lines.quote("ERROR: x\n  Detail: y.\n", 100));
        assertEquals("", Lines.oneLine(null));
    }

    @Property(tries = 300)
    void jitteredDelayIsBetweenHalfAndAllOfTheExponentialOne(@ForAll @IntRange(min = 1, max = 40) int retry,
                                                             @ForAll @IntRange(min = 0, max = 5000) int firstMs, @ForAll long seed) {
        Connector.Backoff b = new Connector.Backoff(5, Duration.ofMillis(firstMs));
        long max = b.delayBefore(retry).toMillis();
        long d = b.delayBefore(retry, new Random(seed)).toMillis();
        assertTrue(d >= max / 2 && d <= max, () -> d + " not in [" + max / 2 + ", " + max + "]");
        assertTrue(max <= Connector.Backoff.MAX_DELAY.toMillis());
        if (retry <= 10 && firstMs > 0) assertEquals(Math.min((long) firstMs << (retry - 1), Connector.Backoff.MAX_DELAY.toMillis()), max);
    }

    @Test
    void replicasStartingTogetherDoNotRetryInLockStep() {
        Connector.Backoff b = Connector.Backoff.DEFAULT;
        Set<Long> firstWaits = new HashSet<>();
        Random random = new Random(42);
        for (int replica = 0; replica < 32; replica++) firstWaits.add(b.delayBefore(1, random).toMillis());
        assertTrue(firstWaits.size() >= 20, "32 replicas' first waits spread out: " + firstWaits);
    }
}
