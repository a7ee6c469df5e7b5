package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.model.PolicyModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * Roles are cluster objects, which the migrator never creates: a policy naming a role the server lacks would fail
 * half-way through a script. Checked before the first DDL, in one query, and only when a policy names a role.
 */
public final class PolicyRoles {
    private PolicyRoles() {}

    /** Role name to the first policy naming it ({@code table.policy}), PUBLIC left out. */
    static Map<String, String> named(SchemaModel schema) {
        Map<String, String> out = new TreeMap<>();
        for (TableModel t : schema.tables().values()) {
            for (PolicyModel p : t.security().policies().values()) {
                for (String role : p.roles()) {
                    if (!role.equals(PolicyModel.PUBLIC)) out.putIfAbsent(role, t.name() + "." + p.name());
                }
            }
        }
        return out;
    }

    /** @throws MigratorException {@link ExitCode#CONFIGURATION} naming the first missing role and a policy using it */
    public static void check(Connection c, SchemaModel schema) throws SQLException {
        Map<String, String> roles = named(schema);
        if (roles.isEmpty()) return;
        List<String> missing = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT r FROM unnest(?::text[]) r WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) ORDER BY r")) {
            st.setArray(1, c.createArrayOf("text", roles.keySet().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) missing.add(rs.getString(1));
            }
        }
        if (missing.isEmpty()) return;
        String first = missing.get(0);
        throw new MigratorException(ExitCode.CONFIGURATION, "policy " + roles.get(first) + " names role " + first
                + ", which does not exist on this server" + (missing.size() > 1 ? " (" + (missing.size() - 1)
                + " more named role(s) are missing too)" : "") + "; create it first (CREATE ROLE " + first + " NOLOGIN): the migrator does not create roles");
    }
}
