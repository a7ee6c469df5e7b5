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
    /** A lock was not obtained in time: the migration lock (another migrator) or a table lock (sessions named). */
    LOCK_TIMEOUT(4),
    /** Database unreachable after the retries (transient network errors), login rejected, or no such database. */
    DB_UNREACHABLE(5),
    /** Script integrity: checksum mismatch, duplicate or missing version, misnamed file, missing snapshot or down. */
    INTEGRITY(6),
    /** A destructive change was refused (pass --allow-destructive or --force). */
    DESTRUCTIVE_REFUSED(7),
    /** A migration statement failed; the message names the version (and segments) the database is at. */
    MIGRATION_FAILED(8),
    /** Seed data is invalid (file, row and field named in the message). */
    SEED_INVALID(9),
    /** The connection to the server was lost during the run; rerun apply to resume where it stopped. */
    CONNECTION_LOST(10),
    /** The database user lacks a privilege (named in the message) the migration needs. */
    PERMISSION_DENIED(11),
    /** The database is read-only (a standby, or default_transaction_read_only). */
    READ_ONLY(12),
    /** A script, seed or --dir file could not be read (permissions, not a regular file). */
    UNREADABLE_FILES(13),
    /** Connection settings the server or driver rejects (sslmode, SSL required/unsupported, bad parameters); not retried. */
    CONFIGURATION(14);

    public final int code;

    ExitCode(int code) { this.code = code; }
}
