package org.somaagent01.migrator.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** File naming of the script directory: {@code NNNN_name.up.sql}, {@code .down.sql}, {@code .snapshot.json}. */
public final class ScriptFiles {
    public static final String SUM_FILE = "migrations.sum";
    public static final String UP = ".up.sql";
    public static final String DOWN = ".down.sql";
    public static final String SNAPSHOT = ".snapshot.json";
    private static final Pattern FILE = Pattern.compile("(\\d{4,})_([a-z0-9_]+)(\\.up\\.sql|\\.down\\.sql|\\.snapshot\\.json)");

    public static final String PATTERN_HELP = "NNNN_name.up.sql, NNNN_name.down.sql or NNNN_name.snapshot.json "
            + "(four or more digits, then lower-case letters, digits and underscores)";

    private ScriptFiles() {}

    /** Files that may sit beside the scripts without being one: the sum file, READMEs, a .gitkeep. */
    static boolean isCompanion(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return fileName.equals(SUM_FILE) || lower.startsWith("readme") || fileName.equals(".gitkeep");
    }

    public static String stem(int version, String name) {
        return String.format("%04d_%s", version, name);
    }

    /** Version, name and kind of a script file name, or null when it is not one. */
    static Matcher parse(String fileName) {
        Matcher m = FILE.matcher(fileName);
        return m.matches() ? m : null;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
