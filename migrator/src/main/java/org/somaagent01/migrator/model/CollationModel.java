package org.somaagent01.migrator.model;

/**
 * {@code CREATE COLLATION name (provider = …, …)}: {@code provider} {@code libc} with {@code lcCollate} and
 * {@code lcCtype}, or {@code icu} with its {@code locale}; a nondeterministic one compares by more than bytes.
 * Read from {@code pg_collation} as PostgreSQL stores it, so {@code FROM "POSIX"} and {@code locale = 'POSIX'}
 * are the same collation.
 */
public record CollationModel(String name, String provider, String locale, String lcCollate, String lcCtype,
                             boolean deterministic) {
    public static final String LIBC = "libc";
    public static final String ICU = "icu";

    public CollationModel {
        if (!provider.equals(LIBC) && !provider.equals(ICU)) {
            throw new IllegalArgumentException("collation " + name + ": provider " + provider + " is not libc or icu");
        }
    }

    public static CollationModel libc(String name, String locale) {
        return new CollationModel(name, LIBC, null, locale, locale, true);
    }

    public static CollationModel icu(String name, String locale, boolean deterministic) {
        return new CollationModel(name, ICU, locale, null, null, deterministic);
    }
}
