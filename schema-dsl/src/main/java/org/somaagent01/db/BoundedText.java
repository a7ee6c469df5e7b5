package org.somaagent01.db;

/**
 * Cuts text users see to a bounded length. A DSN or a server message can be arbitrarily long (a 100 kB database
 * name is echoed back), and a wall of text hides the advice at the end of an error line.
 */
public final class BoundedText {
    public static final String ELLIPSIS = " … ";

    private BoundedText() {}

    /**
     * {@code text} if it has at most {@code max} characters, else its head and tail joined by {@value #ELLIPSIS}, at most
     * {@code max} characters in all. The tail is kept because that is where messages say what to do. Mask secrets
     * before cutting: a cut password is no longer recognised as one.
     */
    public static String cut(String text, int max) {
        if (max < 10) throw new IllegalArgumentException("max < 10: " + max);
        if (text == null || text.length() <= max) return text;
        int room = Math.max(2, max - ELLIPSIS.length());
        int head = room * 2 / 3;
        int tail = text.length() - (room - head);
        // never split a surrogate pair: the head gives up its last half character, the tail its first
        if (Character.isLowSurrogate(text.charAt(head))) head--;
        if (Character.isLowSurrogate(text.charAt(tail))) tail++;
        return text.substring(0, head) + ELLIPSIS + text.substring(tail);
    }
}
