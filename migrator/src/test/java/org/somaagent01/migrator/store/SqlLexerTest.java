package org.somaagent01.migrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.store.SqlLexer.Kind;
import org.somaagent01.migrator.store.SqlLexer.Token;

class SqlLexerTest {
    private static List<Kind> kinds(String sql) {
        return SqlLexer.tokens(sql).stream().map(Token::kind).toList();
    }

    private static Token one(String sql) {
        List<Token> tokens = SqlLexer.tokens(sql);
        assertEquals(1, tokens.size(), tokens.toString());
        return tokens.get(0);
    }

    @Test
    void tokenKinds() {
        assertEquals(List.of(Kind.WORD, Kind.PARAM, Kind.PUNCT, Kind.WORD, Kind.DOLLAR_STRING, Kind.SEMICOLON),
                kinds("SELECT $1 + a$b $t$x$t$;"));
        // 1E'x' is the number 1 and an escape string, as the server reads it
        assertEquals(List.of(Kind.NUMBER, Kind.STRING), kinds("1E'x'"));
        assertEquals(List.of(Kind.NUMBER, Kind.PUNCT, Kind.NUMBER), kinds("1.5e-3-2"));
        assertEquals(List.of(Kind.STRING, Kind.STRING, Kind.STRING, Kind.QUOTED_IDENT), kinds("B'01' X'ff' N'n' U&\"x\""));
        assertEquals(List.of(Kind.PUNCT, Kind.BLOCK_COMMENT, Kind.WORD), kinds("*/* x */b"));
    }

    @Test
    void linesCountNewlinesBeforeEachToken() {
        List<Token> tokens = SqlLexer.tokens("a\n'b\nc' d\r\n/* \n */ e");
        assertEquals(List.of(1, 2, 3, 4, 5), tokens.stream().map(Token::line).toList());
    }

    @Test
    void stringValues() {
        assertEquals("it's", SqlLexer.stringValue(one("'it''s'")));
        assertEquals("a\\b", SqlLexer.stringValue(one("'a\\b'")));
        assertEquals("it's\n\tA\\é", SqlLexer.stringValue(one("E'it\\'s\\n\\t\\x41\\\\\\u00e9'")));
        assertEquals("o'k", SqlLexer.stringValue(one("e'o''k'")));
        assertEquals("data'\\", SqlLexer.stringValue(one("U&'d\\0061t\\+000061''\\\\'")));
    }

    @Test
    void identifiers() {
        assertEquals("abc", SqlLexer.identifier(one("ABc")));
        assertEquals("Ünï", SqlLexer.identifier(one("\"Ünï\"")));
        assertEquals("Ü", SqlLexer.identifier(one("Ü"))); // the server folds ASCII letters only
        assertEquals("a\"b", SqlLexer.identifier(one("\"a\"\"b\"")));
        assertEquals("dat", SqlLexer.identifier(one("U&\"d\\0061t\"")));
    }
}
