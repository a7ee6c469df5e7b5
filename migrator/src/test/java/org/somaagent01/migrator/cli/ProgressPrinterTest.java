package org.somaagent01.migrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.apply.ProgressEvent;

/** How progress events become stderr lines: throttled in a log, in place on a terminal, JSON lines on request. */
class ProgressPrinterTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    private static ProgressEvent at(String phase, long elapsedMs, long done) {
        return new ProgressEvent("0002_x (up) segment 1/3", "CREATE INDEX CONCURRENTLY", "t", phase,
                List.of(new ProgressEvent.Counter("blocks", done, 400)), elapsedMs, done > 0 ? 1000L : null, null, false);
    }

    private String[] lines() { return err.toString(StandardCharsets.UTF_8).split("\n"); }

    @Test
    void aLogGetsALinePerPhaseAndAHeartbeatEveryTenSecondsOfAPhase() {
        ProgressPrinter p = new ProgressPrinter(console, ProgressPrinter.Mode.LINES);
        p.accept(at("building index: scanning table", 500, 10));
        p.accept(at("building index: scanning table", 1000, 20));
        p.accept(at("building index: scanning table", 10_499, 200));
        p.accept(at("building index: scanning table", 10_500, 210));
        p.accept(at("building index: sorting live tuples", 11_000, 400));
        p.accept(at("building index: sorting live tuples", 11_500, 400).finish(12_000));
        String[] lines = lines();
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("progress: CREATE INDEX CONCURRENTLY on t: building index: scanning table, blocks 10/400 (2%), "
                + "0.5 s elapsed, about 1.0 s left in this phase", lines[0]);
        assertTrue(lines[1].contains("blocks 210/400 (52%), 10 s elapsed"), lines[1]);
        assertTrue(lines[2].startsWith("progress: CREATE INDEX CONCURRENTLY on t: building index: sorting live tuples"), lines[2]);
        assertEquals("progress: CREATE INDEX CONCURRENTLY on t: ended after 12 s", lines[3]);
    }

    @Test
    void aTerminalGetsOneLineRewrittenInPlace() {
        ProgressPrinter p = new ProgressPrinter(console, ProgressPrinter.Mode.TERMINAL);
        p.accept(at("building index: scanning table", 500, 10));
        p.accept(at("building index: scanning table", 1000, 20));
        p.accept(at("x", 1500, 0).finish(1600));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.chars().filter(ch -> ch == '\n').count(), text);
        assertEquals(3, text.chars().filter(ch -> ch == '\r').count(), text);
        assertTrue(text.split("\r")[3].strip().endsWith("on t: ended after 1.6 s"), text);
        // the shorter last line blanks the tail of the longer one before it
        String[] parts = text.split("\r");
        assertEquals(parts[2].length(), parts[3].length() - 1, text);
    }

    @Test
    void jsonEventsAreOneObjectPerLine() throws Exception {
        ProgressPrinter p = new ProgressPrinter(console, ProgressPrinter.Mode.JSON);
        p.accept(at("building index: scanning table", 500, 10));
        p.accept(new ProgressEvent("0002_x (up)", "VALIDATE CONSTRAINT", "t", "validating", List.of(), 700, null, 8192L, false));
        p.accept(new ProgressEvent("0002_x (up)", "VALIDATE CONSTRAINT", "t", "validating", List.of(), 900, null, 8192L, false)
                .finish(950));
        String[] lines = lines();
        assertEquals(3, lines.length);
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines[0]);
        assertEquals("progress", first.get("event").asText());
        assertEquals(10, first.get("counters").get(0).get("done").asLong());
        assertEquals(1000, first.get("estimate_ms").asLong());
        JsonNode validate = m.readTree(lines[1]);
        assertEquals(8192, validate.get("relation_bytes").asLong());
        assertTrue(validate.get("estimate_ms").isNull());
        JsonNode done = m.readTree(lines[2]);
        assertEquals("progress_done", done.get("event").asText());
        assertEquals(950, done.get("elapsed_ms").asLong());
    }
}
