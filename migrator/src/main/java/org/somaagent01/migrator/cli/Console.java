package org.somaagent01.migrator.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.somaagent01.migrator.connect.Secrets;

/**
 * Where command output goes: results to stdout, progress and errors to stderr. Messages pass through the
 * password mask. Results (SQL, schema and history listings) are built from scripts and catalogs, never from the
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

    void log(String text) { if (!quiet) err.println(mask(text)); }

    void error(String text) { err.println("error: " + mask(text)); }

    void stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        err.print(mask(w.toString()));
    }
}
