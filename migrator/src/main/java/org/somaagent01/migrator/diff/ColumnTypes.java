package org.somaagent01.migrator.diff;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which type changes keep every value (widening); any other type change is marked destructive. */
public final class ColumnTypes {
    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final Map<String, Set<String>> WIDER = Map.of(
            "smallint", Set.of("integer", "bigint", "numeric", "real", "double precision"),
            "integer", Set.of("bigint", "numeric", "double precision"),
            "bigint", Set.of("numeric"),
            "real", Set.of("double precision"));

    private ColumnTypes() {}

    public static boolean widens(String from, String to) {
        if (from.equals(to)) return true;
        boolean fromArray = from.endsWith("[]");
        if (fromArray != to.endsWith("[]")) return false;
        if (fromArray) return widens(from.substring(0, from.length() - 2), to.substring(0, to.length() - 2));
        // every scalar type has a text form that casts back
        if (to.equals("text") || to.equals("character varying")) return true;
        Matcher f = VARCHAR.matcher(from);
        Matcher t = VARCHAR.matcher(to);
        if (f.matches() && t.matches()) return Integer.parseInt(t.group(1)) >= Integer.parseInt(f.group(1));
        return WIDER.getOrDefault(from, Set.of()).contains(to);
    }
}
