package org.somaagent01.migrator.connect;

import java.util.function.Consumer;

/**
 * Hides known secrets in text before it is printed or logged, however they are written (raw, percent-encoded,
 * '+' for space). The matching lives in schema-dsl's {@link org.somaagent01.db.Secrets}, shared with applications;
 * this adds the migrator's {@link Dsn}.
 */
public final class Secrets {
    public static final String MASK = org.somaagent01.db.Secrets.MASK;
    public static final Secrets NONE = new Secrets(org.somaagent01.db.Secrets.NONE);

    private final org.somaagent01.db.Secrets shared;

    private Secrets(org.somaagent01.db.Secrets shared) {
        this.shared = shared;
    }

    public static Secrets of(String... secrets) {
        return new Secrets(org.somaagent01.db.Secrets.of(secrets));
    }

    public static Secrets of(Dsn dsn) {
        return of(dsn.password());
    }

    /** These secrets plus the password of another DSN (commands that talk to two databases). */
    public Secrets and(Dsn dsn) {
        return new Secrets(shared.and(dsn.password()));
    }

    /** {@code text} with every written form of every secret replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        return shared.mask(text);
    }

    /** A consumer that masks each line before passing it on, for log and warning sinks. */
    public Consumer<String> masking(Consumer<String> sink) {
        return shared.masking(sink);
    }
}
