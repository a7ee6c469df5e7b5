package org.somaagent01.db;

/**
 * A database failure seen by application code, unchecked so that Java callers can catch it (Exposed raises SQL errors
 * as a checked {@code SQLException} that its Kotlin signatures do not declare, which javac does not let one catch).
 * One line, never the DSN's password: the message is masked, and a cause is attached only when no message in its
 * chain holds any written form of it.
 */
public final class DatabaseException extends RuntimeException {
    private final String sqlState;

    DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The SQLSTATE of the server's error (e.g. {@code 23505} unique violation), or null when there was none. */
    public String sqlState() {
        return sqlState;
    }
}
