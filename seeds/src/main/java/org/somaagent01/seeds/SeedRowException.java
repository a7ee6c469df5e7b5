package org.somaagent01.seeds;

import java.sql.SQLException;

/**
 * The database rejected one row of a data file. Says which: the file, the row (0-based, as in {@code jq '.[2]'}) and
 * its primary key ({@code name=echo}); the cause is the driver's exception (for PostgreSQL a {@code PSQLException},
 * possibly wrapped by Exposed), whose SQL state this exception carries too.
 */
public final class SeedRowException extends SQLException {
    private final String file;
    private final int row;
    private final String key;

    SeedRowException(String file, int row, String key, SQLException cause) {
        super(file + " row " + row + " (" + key + "): " + firstLine(driverException(cause).getMessage()),
                driverException(cause).getSQLState(), cause);
        this.file = file;
        this.row = row;
        this.key = key;
    }

    /** The innermost SQLException: Exposed wraps the driver's in one whose message lists the statement. */
    public static SQLException driverException(SQLException e) {
        SQLException inner = e;
        while (inner.getCause() instanceof SQLException next && next != inner) inner = next;
        return inner;
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        int eol = message.indexOf('\n');
        return (eol < 0 ? message : message.substring(0, eol)).strip();
    }

    /** The data file, e.g. {@code tool_catalog.json}. */
    public String file() { return file; }

    /** The row's 0-based index in the file's array. */
    public int row() { return row; }

    /** The row's primary key as {@code column=value}, comma-separated: {@code tool_id=dalle3_image_gen, provider=openai}. */
    public String key() { return key; }
}
