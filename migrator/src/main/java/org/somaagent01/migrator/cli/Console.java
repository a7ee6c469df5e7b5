package org.somaagent01.migrator.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.somaagent01.migrator.connect.Lines;
import org.somaagent01.migrator.connect.Secrets;

/**
 * Where command output goes: results to stdout, progress and errors to stderr. Messages pass through the
 * password mask, then are cut to {@link Lines#MAX} characters (masking first: a cut password would slip past the
 * mask), so that no input, however long, turns into kilobytes of stderr. Results (SQL, schema and history listings) are built from scripts and catalogs, never from the
 * DSN, so they are printed as they are: masking them would corrupt SQL whenever the password happens to be a
 * word of the schema (a password "soma" and a column "soma_tags").
 */
final class Console {
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    Secrets secrets = Secrets.NONE;
    boolean verbose;
    boolean quiet;

    Console(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    String mask(String text) { return secrets.mask(text == null ? "" : text); }

    void result(String text) { out.println(text); }

    void log(String text) { if (!quiet) err.println(bounded(text)); }

    void error(String text) { err.println(bounded("error: " + text)); }

    /** With --verbose: every line of the trace masked and bounded, as the messages in it may quote the input. */
    void stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        mask(w.toString()).lines().forEach(line -> err.println(Lines.cut(line, Lines.MAX)));
    }

    /** Masked, then one line of at most {@link Lines#MAX} characters. */
    String bounded(String text) {
        return Lines.cut(Lines.oneLine(mask(text)), Lines.MAX);
    }
}
