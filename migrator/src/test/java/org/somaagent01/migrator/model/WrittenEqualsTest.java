package org.somaagent01.migrator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records whose {@code equals} and {@code hashCode} are written out (for the differ's speed in a fresh JVM)
 * compare every component, as the generated ones do: two records built from the same values are equal with one
 * hash, and changing any one component, whatever it is, makes them differ. A component added later and left out of
 * the written {@code equals} fails here.
 */
class WrittenEqualsTest {
    @ParameterizedTest
    @ValueSource(classes = {KeyConstraint.class, ForeignKeyModel.class, IndexModel.class, IndexModel.IndexKey.class})
    void everyComponentCounts(Class<? extends Record> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) base[i] = value(components[i].getGenericType(), false);
        Object a = canonical.newInstance(base);
        Object b = canonical.newInstance(base.clone());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        for (int i = 0; i < components.length; i++) {
            Object[] changed = base.clone();
            changed[i] = value(components[i].getGenericType(), true);
            Object other = canonical.newInstance(changed);
            assertNotEquals(a, other, type.getSimpleName() + " ignores " + components[i].getName());
            assertNotEquals(other, a, type.getSimpleName() + " ignores " + components[i].getName());
        }
    }

    /** A value of the type; the other one differs from the first (and survives the compact constructors). */
    private static Object value(Type type, boolean other) {
        if (type == boolean.class) return other;
        if (type == String.class) return other ? "FIRST" : null;
        if (type == ForeignKeyAction.class) return other ? ForeignKeyAction.CASCADE : ForeignKeyAction.NO_ACTION;
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            if (element == String.class) return other ? List.of("b=1") : List.of("a=1");
            if (element == IndexModel.IndexKey.class) {
                return List.of(new IndexModel.IndexKey(other ? "b" : "a", null, false));
            }
        }
        throw new IllegalArgumentException("no sample value of " + type);
    }
}
