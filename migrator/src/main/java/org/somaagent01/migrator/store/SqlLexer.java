package org.somaagent01.migrator.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts PostgreSQL text into tokens the way the server's scanner delimits them: enough to find statement ends and
 * read leading keywords and names, without parsing. Assumes {@code standard_conforming_strings = on} (the default
 * since 9.1): a backslash in {@code '...'} is an ordinary character, only {@code E'...'} treats it as an escape.
 * Unterminated strings, identifiers, dollar quotes and comments run to the end of the text; the server reports them.
 */
public final class SqlLexer {
    private SqlLexer() {}

    public enum Kind {
        /** An unquoted identifier or keyword (may contain {@code $} after its first character). */
        WORD,
        /** {@code "..."} or {@code U&"..."}. */
        QUOTED_IDENT,
        /** {@code '...'}, {@code E'...'}, {@code U&'...'}, {@code B'...'}, {@code X'...'}, {@code N'...'}. */
        STRING,
        /** {@code $$...$$} or {@code $tag$...$tag$}. */
        DOLLAR_STRING,
        NUMBER,
        /** A positional parameter such as {@code $1}. */
        PARAM,
        /** Any other single character: operators, parentheses, commas, dots. */
        PUNCT,
        SEMICOLON,
        LINE_COMMENT,
        BLOCK_COMMENT
    }

    /**
     * One token: its text as written, where it starts and ends in the source (end exclusive), and its 1-based line.
     */
    public record Token(Kind kind, String text, int start, int end, int line) {
        public boolean isComment() { return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT; }

        /** An unquoted word equal to {@code keyword}, ignoring ASCII case. */
        public boolean is(String keyword) { return kind == Kind.WORD && text.equalsIgnoreCase(keyword); }

        public boolean isPunct(char c) { return kind == Kind.PUNCT && text.charAt(0) == c; }
    }

    public static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        int line = 1;
        int counted = 0; // newlines before this offset are counted in line
        while (i < n) {
            char c = sql.charAt(i);
            if (isSpace(c)) { i++; continue; }
            for (; counted < i; counted++) if (sql.charAt(counted) == '\n') line++;
            int end;
            Kind kind;
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            if (c == '-' && next == '-') {
                kind = Kind.LINE_COMMENT;
                end = sql.indexOf('\n', i);
                if (end < 0) end = n;
            } else if (c == '/' && next == '*') {
                kind = Kind.BLOCK_COMMENT;
                end = blockCommentEnd(sql, i);
            } else if (c == '\'') {
                kind = Kind.STRING;
                end = quotedEnd(sql, i + 1, '\'', false);
            } else if (c == '"') {
                kind = Kind.QUOTED_IDENT;
                end = quotedEnd(sql, i + 1, '"', false);
            } else if ((c == 'E' || c == 'e') && next == '\'') {
                kind = Kind.STRING;
                end = quotedEnd(sql, i + 2, '\'', true);
            } else if ((c == 'U' || c == 'u') && next == '&' && i + 2 < n
                    && (sql.charAt(i + 2) == '\'' || sql.charAt(i + 2) == '"')) {
                char q = sql.charAt(i + 2);
                kind = q == '\'' ? Kind.STRING : Kind.QUOTED_IDENT;
                end = quotedEnd(sql, i + 3, q, false);
            } else if ("BbXxNn".indexOf(c) >= 0 && next == '\'') {
                kind = Kind.STRING;
                end = quotedEnd(sql, i + 2, '\'', false);
            } else if (isIdentStart(c)) {
                kind = Kind.WORD;
                end = i + 1;
                while (end < n && isIdentPart(sql.charAt(end))) end++;
            } else if (c == '$' && next >= '0' && next <= '9') {
                kind = Kind.PARAM;
                end = i + 1;
                while (end < n && Character.isDigit(sql.charAt(end))) end++;
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                kind = Kind.DOLLAR_STRING;
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                end = close < 0 ? n : close + tag.length();
            } else if (c >= '0' && c <= '9' || c == '.' && next >= '0' && next <= '9') {
                kind = Kind.NUMBER;
                end = numberEnd(sql, i);
            } else if (c == ';') {
                kind = Kind.SEMICOLON;
                end = i + 1;
            } else {
                kind = Kind.PUNCT;
                end = i + 1;
            }
            out.add(new Token(kind, sql.substring(i, end), i, end, line));
            i = end;
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    // the server treats every non-ASCII character as a letter
    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || c >= '0' && c <= '9' || c == '$';
    }

    /** End of a nested block comment starting at {@code from} ({@code /*} ... matching {@code *}{@code /}). */
    private static int blockCommentEnd(String sql, int from) {
        int depth = 0;
        int i = from;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            if (c == '/' && next == '*') { depth++; i += 2; }
            else if (c == '*' && next == '/') { depth--; i += 2; if (depth == 0) return i; }
            else i++;
        }
        return n;
    }

    /** End (exclusive) of a quoted run whose body starts at {@code from}; a doubled quote stays inside. */
    private static int quotedEnd(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') { i += 2; continue; }
            if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /** End (exclusive) of a {@code $tag$} opener at {@code i}, or -1. Tags are identifiers without {@code $}. */
    private static int dollarTagEnd(String sql, int i) {
        int j = i + 1;
        int n = sql.length();
        if (j < n && isIdentStart(sql.charAt(j))) {
            j++;
            while (j < n && isIdentPart(sql.charAt(j)) && sql.charAt(j) != '$') j++;
        }
        return j < n && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    // digits, one fraction, an exponent only when digits follow: "1E'x'" is 1 and the escape string E'x'
    private static int numberEnd(String sql, int i) {
        int n = sql.length();
        int j = i;
        while (j < n && Character.isDigit(sql.charAt(j))) j++;
        if (j < n && sql.charAt(j) == '.' && !(j + 1 < n && sql.charAt(j + 1) == '.')) {
            j++;
            while (j < n && Character.isDigit(sql.charAt(j))) j++;
        }
        if (j < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) k++;
            if (k < n && Character.isDigit(sql.charAt(k))) {
                while (k < n && Character.isDigit(sql.charAt(k))) k++;
                j = k;
            }
        }
        return j;
    }

    /** The text of a {@link Kind#STRING} token with quotes removed and escapes resolved (E'' and doubled quotes). */
    public static String stringValue(Token t) {
        String s = t.text();
        int open = s.indexOf('\'');
        boolean escapes = open == 1 && (s.charAt(0) == 'E' || s.charAt(0) == 'e');
        int close = s.length() > open + 1 && s.endsWith("'") ? s.length() - 1 : s.length();
        String body = s.substring(open + 1, close);
        if (open == 2) return unicodeEscapes(body.replace("''", "'"));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') { out.append('\''); i++; }
            else if (escapes && c == '\\' && i + 1 < body.length()) i = unescape(body, i + 1, out);
            else out.append(c);
        }
        return out.toString();
    }

    /** Appends the escape at {@code i} (just after the backslash); returns the index of its last character. */
    private static int unescape(String body, int i, StringBuilder out) {
        char c = body.charAt(i);
        switch (c) {
            case 'b': out.append('\b'); return i;
            case 'f': out.append('\f'); return i;
            case 'n': out.append('\n'); return i;
            case 'r': out.append('\r'); return i;
            case 't': out.append('\t'); return i;
            case 'x': return code(body, i + 1, 2, 16, out, i);
            case 'u': return code(body, i + 1, 4, 16, out, i);
            case 'U': return code(body, i + 1, 8, 16, out, i);
            default:
                if (c >= '0' && c <= '7') return code(body, i, 3, 8, out, i);
                out.append(c);
                return i;
        }
    }

    /** A numeric escape; without digits the escape letter stands for itself. */
    private static int code(String body, int from, int maxDigits, int radix, StringBuilder out, int letter) {
        int j = from;
        while (j < body.length() && j - from < maxDigits && Character.digit(body.charAt(j), radix) >= 0 && body.charAt(j) < 0x80) j++;
        if (j == from) { out.append(body.charAt(letter)); return letter; }
        long cp = Long.parseLong(body.substring(from, j), radix);
        out.appendCodePoint(cp <= Character.MAX_CODE_POINT ? (int) cp : 0xFFFD); // the server rejects it anyway
        return j - 1;
    }

    /** The escapes of a {@code U&} string or identifier: backslash and 4 hex digits, backslash, plus and 6, two backslashes. */
    private static String unicodeEscapes(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) { out.append(c); continue; }
            if (body.charAt(i + 1) == '\\') { out.append(c); i++; continue; }
            boolean plus = body.charAt(i + 1) == '+';
            int from = i + (plus ? 2 : 1);
            int to = from + (plus ? 6 : 4);
            if (to > body.length() || !body.substring(from, to).chars().allMatch(h -> Character.digit(h, 16) >= 0 && h < 0x80)) {
                out.append(c); // the server rejects it; keep the text
                continue;
            }
            long cp = Long.parseLong(body.substring(from, to), 16);
            out.appendCodePoint(cp <= Character.MAX_CODE_POINT ? (int) cp : 0xFFFD);
            i = to - 1;
        }
        return out.toString();
    }

    /** An identifier as the server stores it: quotes removed ("" kept as one), unquoted ASCII lower-cased. */
    public static String identifier(Token t) {
        String s = t.text();
        if (t.kind() == Kind.QUOTED_IDENT) {
            int open = s.indexOf('"');
            int close = s.length() > open + 1 && s.endsWith("\"") ? s.length() - 1 : s.length();
            String body = s.substring(open + 1, close).replace("\"\"", "\"");
            return open == 2 ? unicodeEscapes(body) : body;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }
}
