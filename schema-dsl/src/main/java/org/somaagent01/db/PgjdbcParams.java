package org.somaagent01.db;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Translates libpq and asyncpg query parameters into pgjdbc connection properties. Names pgjdbc shares with libpq
 * (sslmode, sslcert, sslkey, sslrootcert, options, …) and pgjdbc's own names from JDBC URLs pass through unchanged.
 */
public final class PgjdbcParams {
    private static final Map<String, String> RENAMED = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout");
    private static final Map<String, String> TARGET_SERVER_TYPE = Map.of(
            "read-write", "primary", "read-only", "secondary", "standby", "secondary",
            "prefer-standby", "preferSecondary");
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private PgjdbcParams() {}

    public static void putAll(Map<String, String> params, Properties out) {
        params.forEach((name, value) -> {
            switch (name) {
                case "keepalives" -> out.setProperty("tcpKeepAlive", String.valueOf(!value.equals("0")));
                case "target_session_attrs" -> out.setProperty("targetServerType", TARGET_SERVER_TYPE.getOrDefault(value, value));
                // asyncpg spells sslmode "ssl"; pgjdbc's own "ssl" is a boolean and keeps its meaning
                case "ssl" -> out.setProperty(SSL_MODES.contains(value) ? "sslmode" : "ssl", value);
                default -> out.setProperty(RENAMED.getOrDefault(name, name), value);
            }
        });
    }
}
