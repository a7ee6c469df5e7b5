package org.somaagent01.migrator.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.somaagent01.migrator.apply.ProgressEvent;

/**
 * Shows {@link ProgressEvent}s on stderr. On a terminal: one line, rewritten in place at every poll. Otherwise (a
 * log, a pipe): a line when the phase changes, and within a phase at most one every {@value #HEARTBEAT_MS} ms of
 * the statement's time, so a log holds the story without a line per poll; {@code --format json}: the same events,
 * each a JSON object on a line of its own. The end of each statement gets a line too.
 */
final class ProgressPrinter implements Consumer<ProgressEvent> {
    enum Mode { TERMINAL, LINES, JSON }

    static final long HEARTBEAT_MS = 10_000;

    private final PrintStream err;
    private final Mode mode;
    private final Console console;
    private String lastPhase;
    private long lastShownMs;
    private int inPlaceWidth;

    ProgressPrinter(Console console, Mode mode) {
        this.console = console;
        this.err = console.err;
        this.mode = mode;
    }

    /** The mode for this console: JSON when asked, in place only on a real terminal. */
    static Mode mode(Console console, boolean json) {
        if (json) return Mode.JSON;
        return console.err == System.err && System.console() != null ? Mode.TERMINAL : Mode.LINES;
    }

    @Override
    public synchronized void accept(ProgressEvent e) {
        if (mode == Mode.TERMINAL) {
            String line = console.bounded(text(e));
            // spaces over the tail of a longer previous line
            String pad = " ".repeat(Math.max(0, inPlaceWidth - line.length()));
            err.print("\r" + line + pad + (e.finished() ? "\n" : ""));
            err.flush();
            inPlaceWidth = e.finished() ? 0 : line.length();
            return;
        }
        boolean show = e.finished() || !e.phase().equals(lastPhase) || e.elapsedMs() - lastShownMs >= HEARTBEAT_MS;
        if (!show) return;
        lastPhase = e.finished() ? null : e.phase();
        lastShownMs = e.finished() ? 0 : e.elapsedMs();
        err.println(mode == Mode.JSON ? Json.line(json(e)) : console.bounded(text(e)));
    }

    /** "progress: CREATE INDEX CONCURRENTLY on t: building index: scanning table, blocks 120/540 (22%), 3.1 s, ~8 s left". */
    static String text(ProgressEvent e) {
        StringBuilder s = new StringBuilder("progress: ").append(e.statement());
        if (e.relation() != null) s.append(" on ").append(e.relation());
        if (e.relationBytes() != null && e.relationBytes() >= 0) s.append(" (").append(bytes(e.relationBytes())).append(')');
        if (e.finished()) return s.append(": ended after ").append(seconds(e.elapsedMs())).toString();
        s.append(": ").append(e.phase());
        for (ProgressEvent.Counter k : e.counters()) {
            s.append(", ").append(k.unit()).append(' ').append(k.done()).append('/').append(k.total())
                    .append(" (").append(k.done() * 100 / k.total()).append("%)");
        }
        s.append(", ").append(seconds(e.elapsedMs())).append(" elapsed");
        if (e.estimateMs() != null) s.append(", about ").append(seconds(e.estimateMs())).append(" left in this phase");
        return s.toString();
    }

    static Map<String, Object> json(ProgressEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.finished() ? "progress_done" : "progress");
        m.put("segment", e.segment());
        m.put("statement", e.statement());
        m.put("relation", e.relation());
        m.put("phase", e.phase());
        List<Map<String, Object>> counters = new ArrayList<>();
        for (ProgressEvent.Counter k : e.counters()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("unit", k.unit());
            c.put("done", k.done());
            c.put("total", k.total());
            counters.add(c);
        }
        m.put("counters", counters);
        m.put("elapsed_ms", e.elapsedMs());
        m.put("estimate_ms", e.estimateMs());
        m.put("relation_bytes", e.relationBytes() == null || e.relationBytes() < 0 ? null : e.relationBytes());
        return m;
    }

    private static String seconds(long ms) {
        return ms < 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms / 1000 + " s";
    }

    private static String bytes(long b) {
        if (b < 1024 * 1024) return b / 1024 + " kB";
        if (b < 1024L * 1024 * 1024) return b / (1024 * 1024) + " MB";
        return String.format(Locale.ROOT, "%.1f GB", b / (1024.0 * 1024 * 1024));
    }
}
