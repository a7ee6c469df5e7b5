package org.somaagent01.migrator.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.somaagent01.db.DsnForms;
import org.somaagent01.db.InvalidDsnException;
import org.somaagent01.db.PgDsn;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Property 1 (DSN consistency) across the migrator and applications: for any text, the migrator's {@link Dsn} and
 * the {@link PgDsn} that {@code SomaDatabase} connects with have the same host, port, database, user, password and
 * parameters, and the same pgjdbc URL and properties; a text one rejects, the other rejects with the same message.
 */
class SharedDsnProperties {
    @Property(tries = 300)
    void migratorAndApplicationsReadEveryDsnAlike(@ForAll("params") DsnForms.Params p) {
        List<String> texts = new ArrayList<>(DsnForms.validForms(p));
        texts.addAll(DsnForms.doubtfulForms(p));
        for (String text : texts) {
            String shown = Secrets.of(p.password()).mask(text);
            PgDsn app;
            try {
                app = PgDsn.parse(text);
            } catch (InvalidDsnException e) {
                MigratorException m = org.junit.jupiter.api.Assertions.assertThrows(MigratorException.class, () -> Dsn.parse(text), shown);
                assertEquals(ExitCode.USAGE, m.exitCode());
                assertEquals(e.getMessage(), m.getMessage());
                continue;
            }
            Dsn migrator = Dsn.parse(text);
            assertEquals(List.of(app.host(), app.port(), app.database(), app.user(), app.password(), app.params()),
                    List.of(migrator.host(), migrator.port(), migrator.database(), migrator.user(), migrator.password(),
                            migrator.params()), shown);
            assertEquals(app.jdbcUrl(), migrator.jdbcUrl());
            assertEquals(app.jdbcProperties(), migrator.jdbcProperties());
            assertEquals(app.redacted(), migrator.redacted());
        }
    }

    @Provide
    Arbitrary<DsnForms.Params> params() {
        return DsnForms.params();
    }
}
