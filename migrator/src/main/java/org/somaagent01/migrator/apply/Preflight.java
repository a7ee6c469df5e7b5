package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.connect.Dsn;

/**
 * Checks, before the first DDL of apply or down, the things that would otherwise fail half-way with a raw server
 * error: a read-only database (a standby, or default_transaction_read_only) and missing CREATE privileges. One
 * query, so that the up-to-date container start pays one round trip.
 */
public final class Preflight {
    /** The facts the checks need, as the server reports them for the current user. */
    record Facts(boolean inRecovery, boolean transactionReadOnly, boolean defaultReadOnly, String user, String database,
                 boolean createOnDatabase, Boolean createOnHistorySchema, Boolean createOnAppSchema) {}

    // has_schema_privilege is null (no row) when the schema does not exist; names are compared exactly, as written
    private static final String QUERY = "SELECT pg_is_in_recovery(),"
            + " current_setting('transaction_read_only') = 'on',"
            + " current_setting('default_transaction_read_only') = 'on',"
            + " current_user, current_database(),"
            + " has_database_privilege(current_database(), 'CREATE'),"
            + " (SELECT has_schema_privilege(oid, 'CREATE') FROM pg_namespace WHERE nspname = ?),"
            + " (SELECT has_schema_privilege(oid, 'CREATE') FROM pg_namespace WHERE nspname = ?)";

    private Preflight() {}

    /**
     * @throws MigratorException {@link ExitCode#READ_ONLY} or {@link ExitCode#PERMISSION_DENIED} with one line
     *                           saying what to do
     * @throws SQLException      when the query itself fails (classify it with {@link Failures})
     */
    public static void check(Connection c, String historySchema, String appSchema) throws SQLException {
        check(facts(c, historySchema, appSchema), historySchema, appSchema);
    }

    static Facts facts(Connection c, String historySchema, String appSchema) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(QUERY)) {
            st.setString(1, historySchema);
            st.setString(2, appSchema);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Facts(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), (Boolean) rs.getObject(7), (Boolean) rs.getObject(8));
            }
        }
    }

    static void check(Facts f, String historySchema, String appSchema) {
        if (f.inRecovery()) {
            throw readOnly(f, "it is a standby, in recovery");
        }
        if (f.transactionReadOnly() || f.defaultReadOnly()) {
            throw readOnly(f, "default_transaction_read_only=on");
        }
        if (f.createOnHistorySchema() == null && !f.createOnDatabase()) {
            throw new MigratorException(ExitCode.PERMISSION_DENIED, "user " + f.user() + " cannot create the history "
                    + "schema " + historySchema + " in database " + f.database() + " (no CREATE privilege on the database); "
                    + "GRANT CREATE ON DATABASE " + f.database() + " TO " + f.user() + ", create the schema beforehand, "
                    + "or run as the database owner");
        }
        if (f.createOnAppSchema() == null && !f.createOnDatabase()) {
            throw new MigratorException(ExitCode.PERMISSION_DENIED, "user " + f.user() + " cannot create schema "
                    + appSchema + " in database " + f.database() + " (no CREATE privilege on the database); GRANT CREATE "
                    + "ON DATABASE " + f.database() + " TO " + f.user() + " or run as the database owner");
        }
        if (Boolean.FALSE.equals(f.createOnAppSchema())) {
            throw new MigratorException(ExitCode.PERMISSION_DENIED, "user " + f.user() + " has no CREATE privilege on "
                    + "schema " + appSchema + " in database " + f.database() + "; GRANT CREATE ON SCHEMA " + appSchema
                    + " TO " + f.user() + " or run as the schema's owner");
        }
    }

    private static MigratorException readOnly(Facts f, String why) {
        return new MigratorException(ExitCode.READ_ONLY, "database " + f.database() + " is a read-only database ("
                + why + "); point " + Dsn.ENV_VAR + " at the primary"
                + (why.startsWith("default") ? ", or run ALTER DATABASE " + f.database()
                        + " SET default_transaction_read_only = off" : ""));
    }
}
