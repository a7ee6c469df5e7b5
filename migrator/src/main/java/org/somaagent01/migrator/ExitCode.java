package org.somaagent01.migrator;

/** Process exit codes of the migrator CLI; documented in the README. Each failure class has its own code. */
public enum ExitCode {
    OK(0),
    /** Unexpected internal error (a bug): rerun with --verbose for the stack trace. */
    INTERNAL(1),
    /** Bad command line: unknown command, bad flag or argument, unreadable DSN. */
    USAGE(2),
    /** Drift or pending changes found (plan/diff/generate --check with --exit-code, verify). */
    CHANGES_PENDING(3),
    /** The advisory lock was not obtained within --lock-timeout. */
    LOCK_TIMEOUT(4),
    /** Database unreachable after the retries, or authentication failed. */
    DB_UNREACHABLE(5),
    /** Script integrity: checksum mismatch, duplicate or missing version, bad script directory. */
    INTEGRITY(6),
    /** A destructive change was refused (pass --allow-destructive or --force). */
    DESTRUCTIVE_REFUSED(7),
    /** A migration statement failed; the database stays at the previous version. */
    MIGRATION_FAILED(8),
    /** Seed data is invalid (file, row and field named in the message). */
    SEED_INVALID(9);

    public final int code;

    ExitCode(int code) { this.code = code; }
}
