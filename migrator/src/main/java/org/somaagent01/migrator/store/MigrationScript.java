package org.somaagent01.migrator.store;

/**
 * One numbered migration: its up and down SQL, the checksum of the up script (recorded in the history), and
 * whether it must run outside a transaction block (first line {@code -- migrator:no-transaction}).
 */
public record MigrationScript(int version, String name, String upSql, String downSql, String checksum,
                              String snapshotJson) {
    public static final String NO_TRANSACTION_DIRECTIVE = "-- migrator:no-transaction";

    /** {@code 0001_initial_schema}: the stem of its files. */
    public String id() {
        return ScriptFiles.stem(version, name);
    }

    public boolean transactional() {
        return !upSql.startsWith(NO_TRANSACTION_DIRECTIVE);
    }

    public boolean downTransactional() {
        return !downSql.startsWith(NO_TRANSACTION_DIRECTIVE);
    }
}
