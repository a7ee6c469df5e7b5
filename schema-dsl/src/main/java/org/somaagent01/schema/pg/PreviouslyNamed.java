package org.somaagent01.schema.pg;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a constant of a Java enum bound to a {@link PgEnumType}: the labels whose rows now carry this constant's label.
 * A label that no longer exists anywhere else is renamed in place; if this constant's label already existed, the
 * old labels are removed and their rows converted to it. The migrator never infers either from a removed and an
 * added constant. Remove the annotation once every database has been migrated past the change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface PreviouslyNamed {
    String[] value();
}
