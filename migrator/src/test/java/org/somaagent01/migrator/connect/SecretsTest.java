package org.somaagent01.migrator.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final List<String> TOKENS = List.of("a", "Z", "0", "@", ":", "/", "%", "?", "#", "+", "&", "=", " ",
            "é", "日本", "😀", "%41", "~", "*");

    enum Form { RAW, ENCODED_UPPER, ENCODED_LOWER, FORM_ENCODED, MIXED }

    @Property(tries = 300)
    void everyWrittenFormOfThePasswordIsMasked(@ForAll("passwords") String password, @ForAll Form form,
                                               @ForAll @AlphaChars String prefix, @ForAll @AlphaChars String suffix,
                                               @ForAll @IntRange(max = 1) int mixSeed) {
        String written = switch (form) {
            case RAW -> password;
            case ENCODED_UPPER -> DsnPropertiesTest.enc(password);
            case ENCODED_LOWER -> lowerHex(DsnPropertiesTest.enc(password));
            case FORM_ENCODED -> DsnPropertiesTest.formEnc(password);
            case MIXED -> mixed(password, mixSeed);
        };
        String text = prefix + " " + written + " " + suffix;
        assertEquals(prefix + " *** " + suffix, Secrets.of(password).mask(text));
        String twice = written + written;
        assertEquals("***", Secrets.of(password).mask(twice));
    }

    @Property(tries = 200)
    void textWithoutTheSecretIsUnchanged(@ForAll("passwords") String password, @ForAll String text) {
        String withoutMarker = text.replace("§", "");
        assertEquals(withoutMarker, Secrets.of(password).mask(withoutMarker));
    }

    @Test
    void examples() {
        Secrets s = Secrets.of("p@ss w");
        assertEquals("url postgresql://u:***@h and ***, *** and *** or ***",
                s.mask("url postgresql://u:p%40ss%20w@h and p@ss w, p%40ss+w and p%40ss%20w or p@ss%20w"));
        assertEquals("no secret here", s.mask("no secret here"));
        assertNull(s.mask(null));
        assertEquals("x", Secrets.of("", null).mask("x"));
        assertEquals("x", Secrets.NONE.mask("x"));
        List<String> sink = new ArrayList<>();
        s.masking(sink::add).accept("failed for p@ss w");
        assertEquals(List.of("failed for ***"), sink);
        assertEquals("user soma password ***", Secrets.of(Dsn.parse("postgresql://soma:t0p%2Fs3cret@h/db"))
                .mask("user soma password t0p/s3cret"));
    }

    private static String lowerHex(String encoded) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            if (encoded.charAt(i) == '%') {
                out.append(encoded.substring(i, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                out.append(encoded.charAt(i));
            }
        }
        return out.toString();
    }

    /** Encodes every other code point (starting with the first or the second), as a hand-edited DSN might. */
    private static String mixed(String password, int seed) {
        StringBuilder out = new StringBuilder();
        int[] cps = password.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            String c = new String(Character.toChars(cps[i]));
            out.append((i + seed) % 2 == 0 ? URLEncoder.encode(c, StandardCharsets.UTF_8).replace("+", "%20") : c);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.of(TOKENS).list().ofMinSize(8).ofMaxSize(16).map(t -> "§" + String.join("", t) + "§");
    }
}
