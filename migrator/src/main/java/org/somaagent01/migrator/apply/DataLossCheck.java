package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.plan.Sql;
import org.somaagent01.migrator.store.MigrationScript;

/** Before a down script drops tables, says which of them hold rows and how many; {@code --force} goes ahead. */
final class DataLossCheck {
    private static final Pattern DROP_TABLE = Pattern.compile("(?m)^DROP TABLE IF EXISTS (\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)");

    private DataLossCheck() {}

    static void refuseIfRowsLost(Connection c, MigrationScript s) throws SQLException {
        List<String> losses = new ArrayList<>();
        Matcher m = DROP_TABLE.matcher(s.downSql());
        while (m.find()) {
            String table = m.group(1);
            long rows = rows(c, table);
            if (rows > 0) losses.add(table + " (" + rows + (rows == 1 ? " row)" : " rows)"));
        }
        if (!losses.isEmpty()) {
            throw new MigratorException(ExitCode.DESTRUCTIVE_REFUSED, "reverting " + s.id() + " would drop tables holding rows: "
                    + String.join(", ", losses) + "; back them up, then rerun with --force");
        }
    }

    private static long rows(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet exists = st.executeQuery("SELECT to_regclass(" + Sql.literal(table) + ") IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) return 0;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
