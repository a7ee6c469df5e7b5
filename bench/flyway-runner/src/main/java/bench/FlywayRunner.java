package bench;

import org.flywaydb.core.Flyway;

/**
 * Flyway on the migrator's SQL: java bench.FlywayRunner migrate|validate|info DSN DIR, DIR holding
 * V1__initial.sql (the shipped 0001 up script). Flyway's defaults otherwise (history table flyway_schema_history).
 */
public final class FlywayRunner {
    public static void main(String[] args) {
        Dsn d = Dsn.parse(args[1]);
        Flyway flyway = Flyway.configure()
                .dataSource(d.url(), d.user(), d.password())
                .locations("filesystem:" + args[2])
                .load();
        switch (args[0]) {
            case "migrate":
                System.out.println("migrations executed: " + flyway.migrate().migrationsExecuted);
                break;
            case "validate":
                flyway.validate();
                System.out.println("valid");
                break;
            case "info":
                System.out.println("pending: " + flyway.info().pending().length);
                break;
            default:
                throw new IllegalArgumentException("usage: FlywayRunner migrate|validate|info DSN DIR");
        }
    }
}
