package org.somaagent01.db;

/**
 * A DSN that cannot be read. The message is one line, shows the input only with its password masked, and ends with
 * the expected form ({@link PgDsn#EXPECTED}).
 */
public final class InvalidDsnException extends IllegalArgumentException {
    InvalidDsnException(String message) {
        // no cause and no stack-trace suppression games: the message is all there is, and it holds no secret
        super(message);
    }
}
