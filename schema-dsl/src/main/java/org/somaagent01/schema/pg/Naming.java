package org.somaagent01.schema.pg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The naming convention for objects declared without an explicit name (SPEC §2): {@code pk_<table>},
 * {@code fk_<table>_<columns>_<target>}, {@code uq_<table>_<columns>}, {@code ck_<table>_<columns>},
 * {@code ix_<table>_<columns>}. Legacy objects keep their legacy names; this applies to new ones.
 * PostgreSQL truncates identifiers to 63 bytes, which could make two long names collide, so longer
 * names are cut and end in a short hash of the full name.
 */
public final class Naming {
    static final int MAX_IDENTIFIER_BYTES = 63;

    private Naming() {}

    public static String primaryKey(String table) { return fit("pk_" + table); }
    public static String unique(String table, List<String> columns) { return fit("uq_" + table + "_" + String.join("_", columns)); }
    public static String check(String table, List<String> columns) { return fit("ck_" + table + "_" + String.join("_", columns)); }
    public static String index(String table, List<String> columns) { return fit("ix_" + table + "_" + String.join("_", columns)); }
    public static String foreignKey(String table, List<String> columns, String target) {
        return fit("fk_" + table + "_" + String.join("_", columns) + "_" + target);
    }

    static String fit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) return name;
        String hash = sha256(name).substring(0, 8);
        StringBuilder head = new StringBuilder();
        for (int cp : name.codePoints().toArray()) {
            String next = head + new String(Character.toChars(cp));
            if (next.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES - 9) break;
            head.appendCodePoint(cp);
        }
        return head + "_" + hash;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
