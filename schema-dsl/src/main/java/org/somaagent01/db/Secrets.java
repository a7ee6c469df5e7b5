package org.somaagent01.db;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hides known secrets in text before it is printed or logged. A secret is found however it is written: raw,
 * percent-encoded (fully or partly, either hex case) or with '+' for space, because messages from drivers and
 * tools may quote the DSN in any of these forms. Every occurrence is hidden, however short the secret: a short
 * password makes messages harder to read, which beats printing it.
 */
public final class Secrets {
    public static final String MASK = "***";
    public static final Secrets NONE = new Secrets(List.of());

    private final List<byte[]> secrets;

    private Secrets(List<byte[]> secrets) {
        this.secrets = secrets;
    }

    public static Secrets of(String... secrets) {
        List<byte[]> bytes = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) bytes.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return new Secrets(List.copyOf(bytes));
    }

    public static Secrets of(PgDsn dsn) {
        return of(dsn.password());
    }

    /** These secrets plus the password of another DSN (commands that talk to two databases). */
    public Secrets and(PgDsn dsn) {
        return and(dsn.password());
    }

    /** These secrets plus one more (null or empty adds nothing). */
    public Secrets and(String secret) {
        if (secret == null || secret.isEmpty()) return this;
        List<byte[]> all = new ArrayList<>(secrets);
        all.add(secret.getBytes(StandardCharsets.UTF_8));
        return new Secrets(List.copyOf(all));
    }

    /** {@code text} with every written form of every secret replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || secrets.isEmpty()) return text;
        boolean[] hidden = new boolean[text.length()];
        boolean any = false;
        for (int start = 0; start < text.length(); start++) {
            for (byte[] secret : secrets) {
                int end = matchEnd(text, start, secret);
                if (end > start) {
                    Arrays.fill(hidden, start, end, true);
                    any = true;
                }
            }
        }
        if (!any) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) out.append(text.charAt(i));
            else if (i == 0 || !hidden[i - 1]) out.append(MASK);
        }
        return out.toString();
    }

    /** A consumer that masks each line before passing it on, for log and warning sinks. */
    public Consumer<String> masking(Consumer<String> sink) {
        return line -> sink.accept(mask(line));
    }

    /** The end (exclusive) of a written form of {@code secret} starting at {@code start} in text, or -1. */
    private static int matchEnd(String text, int start, byte[] secret) {
        int i = start;
        int k = 0;
        while (k < secret.length) {
            if (i >= text.length()) return -1;
            char c = text.charAt(i);
            int hi = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (lo >= 0 && (byte) (hi << 4 | lo) == secret[k]) {
                k++;
                i += 3;
            } else if (c == '+' && secret[k] == ' ') {
                k++;
                i++;
            } else {
                int cp = text.codePointAt(i);
                byte[] raw = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                if (k + raw.length > secret.length || !Arrays.equals(raw, 0, raw.length, secret, k, k + raw.length)) return -1;
                k += raw.length;
                i += Character.charCount(cp);
            }
        }
        return i;
    }
}
