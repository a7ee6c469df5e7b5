package org.somaagent01.migrator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Sql#ident} quotes a name as PostgreSQL's {@code quote_ident} does: left bare only when it is
 * {@code [a-z_][a-z0-9_$]*} and no keyword, else in double quotes with its quotes doubled. The bare check is written
 * by hand (for speed); the property holds it to the regular expression, on names drawn from the characters where
 * the two could disagree.
 */
class SqlIdentProperties {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    @Property(tries = 500)
    void bareExactlyWhenThePatternMatches(@ForAll("names") String name) {
        assertEquals(PLAIN.matcher(name).matches(), Sql.plain(name), name);
        String quoted = '"' + name.replace("\"", "\"\"") + '"';
        if (!PLAIN.matcher(name).matches()) assertEquals(quoted, Sql.ident(name));
    }

    @Test
    void keywordsAndEdges() {
        assertEquals("\"select\"", Sql.ident("select"));
        assertEquals("\"user\"", Sql.ident("user"));
        assertEquals("\"\"", Sql.ident(""));
        assertEquals("\"1a\"", Sql.ident("1a"));
        assertEquals("\"$a\"", Sql.ident("$a"));
        assertEquals("a$1_", Sql.ident("a$1_"));
        assertEquals("_", Sql.ident("_"));
        assertEquals("\"a\"\"b\"", Sql.ident("a\"b"));
        assertEquals("\"Ab\"", Sql.ident("Ab"));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("az_09$AZ\"-. é{`/:@[").ofMinLength(0).ofMaxLength(6);
    }
}
