package org.somaagent01.schema.pg;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A PostgreSQL {@code CREATE TYPE … AS ENUM} bound to a Java enum. Labels are the Java constant names in
 * lower case ({@code AssetType.IMAGE} ↔ {@code 'image'}), in declaration order, which is the sort order in
 * PostgreSQL too.
 */
public record PgEnumType<E extends Enum<E>>(String name, Class<E> javaType) {

    public static <E extends Enum<E>> PgEnumType<E> of(String name, Class<E> javaType) {
        return new PgEnumType<>(name, javaType);
    }

    public List<String> labels() {
        return Arrays.stream(javaType.getEnumConstants()).map(PgEnumType::label).toList();
    }

    /** Old label → current label, from {@link PreviouslyNamed} on the constants. */
    public Map<String, String> previousLabels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (E e : javaType.getEnumConstants()) {
            try {
                PreviouslyNamed previous = javaType.getField(e.name()).getAnnotation(PreviouslyNamed.class);
                if (previous != null) for (String old : previous.value()) out.put(old, label(e));
            } catch (NoSuchFieldException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return out;
    }

    public static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public E fromLabel(String label) {
        for (E e : javaType.getEnumConstants()) {
            if (label(e).equals(label)) return e;
        }
        throw new IllegalArgumentException("'" + label + "' is not a label of enum type " + name
                + " (labels: " + labels() + ")");
    }
}
