package org.somaagent01.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shared parser (what {@code SomaDatabase} uses): every accepted form of the same parameters gives the same
 * {@link PgDsn}, and neither renderings nor errors show the password. The migrator's {@code SharedDsnProperties}
 * checks that its own {@code Dsn} agrees with this parser on these same forms.
 */
class PgDsnProperties {
    @Property(tries = 300)
    void everyFormParsesToTheSameDsn(@ForAll("params") DsnForms.Params p) {
        PgDsn expected = p.expected();
        for (String form : DsnForms.validForms(p)) {
            PgDsn parsed = PgDsn.parse(form);
            assertEquals(expected, parsed, () -> "form " + Secrets.of(p.password()).mask(form));
            assertEquals(List.copyOf(expected.params().keySet()), List.copyOf(parsed.params().keySet()), "param order");
        }
    }

    /** The pool SomaDatabase builds connects with exactly the DSN's URL, user, password and parameters. */
    @Property(tries = 200)
    void thePoolGetsWhatTheDsnSays(@ForAll("params") DsnForms.Params p) {
        PgDsn dsn = PgDsn.parse(DsnForms.validForms(p).get(0));
        MaskingDriverDataSource source = (MaskingDriverDataSource) SomaDatabase.poolConfig(dsn, PoolSettings.DEFAULTS).getDataSource();
        assertEquals(dsn.jdbcUrl(), source.url());
        java.util.Properties expected = dsn.jdbcProperties();
        expected.remove("user");
        expected.remove("password");
        expected.putIfAbsent("ApplicationName", "somaagent01");
        expected.putIfAbsent("reWriteBatchedInserts", "true");
        assertEquals(expected, source.settings());
    }

    @Property(tries = 300)
    void renderingsAndErrorsNeverShowThePassword(@ForAll("params") DsnForms.Params p) {
        PgDsn dsn = p.expected();
        for (String rendering : List.of(dsn.redacted(), dsn.toString(), dsn.jdbcUrl())) assertNoPassword(rendering, p.password());
        assertEquals(p.password(), dsn.jdbcProperties().getProperty("password"));
        for (String form : DsnForms.doubtfulForms(p)) {
            try {
                PgDsn parsed = PgDsn.parse(form);
                for (String rendering : List.of(parsed.redacted(), parsed.jdbcUrl())) assertNoPassword(rendering, p.password());
            } catch (InvalidDsnException e) {
                assertFalse(e.getMessage().contains("\n"), "one line");
                assertTrue(e.getMessage().startsWith("invalid DSN") && e.getMessage().endsWith(PgDsn.EXPECTED), e.getMessage());
                assertNoPassword(e.getMessage(), p.password());
            }
        }
    }

    static void assertNoPassword(String text, String password) {
        assertFalse(text.contains(password), () -> "password in: " + text);
        assertFalse(text.contains(DsnForms.enc(password)), () -> "encoded password in: " + text);
        assertFalse(text.contains(DsnForms.formEnc(password)), () -> "form-encoded password in: " + text);
        assertEquals(text, Secrets.of(password).mask(text), "some written form of the password");
    }

    @Provide
    Arbitrary<DsnForms.Params> params() {
        return DsnForms.params();
    }
}
