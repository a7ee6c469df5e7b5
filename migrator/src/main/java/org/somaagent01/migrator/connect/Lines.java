package org.somaagent01.migrator.connect;

import org.somaagent01.db.BoundedText;

/**
 * Keeps text users see to one bounded line. A DSN or a server message can be arbitrarily long (a 100 kB database
 * name is echoed back), and a wall of text hides the advice at the end of an error line.
 */
public final class Lines {
    /** The longest line the CLI prints on stderr. */
    public static final int MAX = 500;
    static final String ELLIPSIS = BoundedText.ELLIPSIS;

    private Lines() {}

    /** Line breaks and the whitespace around them become one space; null becomes "". */
    public static String oneLine(String text) {
        if (text == null) return "";
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * A driver's or server's message to quote inside ours: one line, cut to {@code max}, without its final '.' so
     * that the "; what to do" which follows reads on.
     */
    public static String quote(String message, int max) {
        return cut(oneLine(message).replaceFirst("\\.$", ""), max);
    }

    /**
     * {@code text} if it has at most {@code max} characters, else its head and tail joined by {@value #ELLIPSIS}, at most
     * {@code max} characters in all. The tail is kept because that is where messages say what to do. Mask secrets
     * before cutting: a cut password is no longer recognised as one.
     */
    public static String cut(String text, int max) {
        return BoundedText.cut(text, max);
    }

    /** One line, cut to {@link #MAX}. */
    public static String bounded(String text) {
        return cut(oneLine(text), MAX);
    }
}
