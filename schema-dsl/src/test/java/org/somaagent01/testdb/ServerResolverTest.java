package org.somaagent01.testdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ServerResolverTest {

    @Test
    void decodesPercentEncodedCredentials() {
        TestServer s = ServerResolver.fromUri("postgresql://so%40ma:p%40ss%3Aw%2Fo+rd%25%20x@db.example:6543/app");
        assertEquals("so@ma", s.user());
        assertEquals("p@ss:w/o+rd% x", s.password());
        assertEquals("db.example", s.host());
        assertEquals(6543, s.port());
        assertEquals("app", s.adminDatabase());
    }

    @Test
    void defaultsPortAndDatabase() {
        TestServer s = ServerResolver.fromUri("postgres://soma:soma@localhost");
        assertEquals(5432, s.port());
        assertEquals("postgres", s.adminDatabase());
        assertEquals("jdbc:postgresql://localhost:5432/x", s.jdbcUrl("x"));
    }

    @Test
    void userWithoutPasswordHasEmptyPassword() {
        TestServer s = ServerResolver.fromUri("postgresql://alice@127.0.0.1/");
        assertEquals("alice", s.user());
        assertEquals("", s.password());
        assertEquals("postgres", s.adminDatabase());
    }

    @Test
    void dsnWinsWithoutProbingTheOtherSources() {
        TestServer s = ServerResolver.resolve("postgresql://u:p@h:1/d",
                () -> fail("Docker probed although SA01_TEST_DSN is set"),
                () -> fail("local binaries probed although SA01_TEST_DSN is set"));
        assertEquals("h", s.host());
        assertEquals(1, s.port());
    }

    @Test
    void failsWithOneActionableLineWhenNothingIsAvailable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ServerResolver.resolve(" ", () -> false, Optional::empty));
        assertTrue(e.getMessage().contains("scripts/setup-postgres.sh"), e.getMessage());
        assertTrue(e.getMessage().contains("SA01_TEST_DSN"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** What tests hand to the migrator as SA01_DB_DSN must name the same server and credentials. */
    @Property(tries = 200)
    void testDatabaseUriParsesBackToItsServer(
            @ForAll @StringLength(min = 1, max = 20) @CharRange(from = ' ', to = '~') @Chars({'é', '€', 'ß'}) String user,
            @ForAll @StringLength(max = 20) @CharRange(from = ' ', to = '~') @Chars({'é', '€', 'ß'}) String password) {
        TestDatabase db = new TestDatabase(new TestServer("db.example", 5433, user, password, "postgres"), "sa01_t_x");
        TestServer parsed = ServerResolver.fromUri(db.uri());
        assertEquals(user, parsed.user());
        assertEquals(password, parsed.password());
        assertEquals("db.example", parsed.host());
        assertEquals(5433, parsed.port());
        assertEquals("sa01_t_x", parsed.adminDatabase());
    }
}
