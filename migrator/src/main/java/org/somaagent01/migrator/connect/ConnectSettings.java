package org.somaagent01.migrator.connect;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.PGProperty;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Checks the connection settings before the first attempt, for the mistakes that would otherwise look transient:
 * pgjdbc reports a bad sslmode as 08001 (the state of a refused connection), and the server drops a login packet
 * over {@value #MAX_STARTUP_PACKET} bytes without a word, which pgjdbc reports as a reset connection. Retrying
 * either only delays the real message.
 */
final class ConnectSettings {
    /** PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
    static final int MAX_STARTUP_PACKET = 10_000;
    /** NAMEDATALEN - 1: the server truncates longer names, so they never mean what was written. */
    static final int MAX_NAME_BYTES = 63;
    /** What pgjdbc adds to the login packet besides the properties below (client_encoding, DateStyle, TimeZone…). */
    private static final int DRIVER_STARTUP_BYTES = 300;
    /** Choices pgjdbc compares exactly; it ignores case for the others (sslmode=REQUIRE works). */
    private static final Set<PGProperty> CASE_SENSITIVE = Set.of(PGProperty.CHANNEL_BINDING, PGProperty.TARGET_SERVER_TYPE);

    private ConnectSettings() {}

    static void check(Dsn dsn, Properties props, Consumer<String> log) {
        name("database name", dsn.database());
        name("user name", dsn.user());
        for (String key : props.stringPropertyNames()) {
            PGProperty known = PGProperty.forName(key);
            if (known == null) {
                log.accept("warning: connection parameter " + Lines.cut(key, 60) + " is unknown to the PostgreSQL "
                        + "driver and is ignored; check its spelling in " + Dsn.ENV_VAR + " / --dsn");
            } else {
                choice(known, props.getProperty(key));
            }
        }
        startupPacket(dsn, props);
    }

    private static void name(String what, String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new MigratorException(ExitCode.CONFIGURATION, "the " + what + " in " + Dsn.ENV_VAR + " / --dsn is "
                    + bytes + " bytes long, and PostgreSQL names have at most " + MAX_NAME_BYTES + "; fix the " + what);
        }
    }

    private static void choice(PGProperty property, String value) {
        String[] choices = property.getChoices();
        if (choices == null || value == null) return;
        for (String c : choices) {
            if (CASE_SENSITIVE.contains(property) ? c.equals(value) : c.equalsIgnoreCase(value)) return;
        }
        throw new MigratorException(ExitCode.CONFIGURATION, "connection parameter " + displayName(property)
                + " has the value \"" + Lines.cut(value, 40) + "\", which the PostgreSQL driver does not accept; use one of "
                + String.join(", ", choices) + " in " + Dsn.ENV_VAR + " / --dsn");
    }

    private static void startupPacket(Dsn dsn, Properties props) {
        int total = DRIVER_STARTUP_BYTES;
        String largest = null;
        int largestBytes = 0;
        for (PGProperty p : new PGProperty[] {PGProperty.USER, PGProperty.PG_DBNAME, PGProperty.APPLICATION_NAME,
                PGProperty.OPTIONS}) {
            String value = p == PGProperty.PG_DBNAME ? dsn.database() : props.getProperty(p.getName());
            if (value == null) continue;
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            total += p.getName().length() + bytes + 2;
            if (bytes > largestBytes) {
                largestBytes = bytes;
                largest = displayName(p);
            }
        }
        if (total > MAX_STARTUP_PACKET) {
            throw new MigratorException(ExitCode.CONFIGURATION, "the connection parameters take about " + total
                    + " bytes (" + largest + ": " + largestBytes + "), and PostgreSQL refuses a login over "
                    + MAX_STARTUP_PACKET + " bytes; shorten " + largest + " in " + Dsn.ENV_VAR + " / --dsn");
        }
    }

    /** The libpq spelling users wrote where it differs from pgjdbc's. */
    private static String displayName(PGProperty p) {
        if (p == PGProperty.APPLICATION_NAME) return "application_name";
        if (p == PGProperty.TARGET_SERVER_TYPE) return "target_session_attrs/targetServerType";
        if (p == PGProperty.PG_DBNAME) return "the database name";
        return p.getName();
    }
}
