package org.somaagent01.migrator;

/**
 * A failure the user can act on: the message is one line saying what is wrong and what to do,
 * and it never contains a password. The CLI prints it and exits with {@link #exitCode()}.
 */
public class MigratorException extends RuntimeException {
    private final ExitCode exitCode;

    public MigratorException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public MigratorException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() { return exitCode; }
}
