package org.somaagent01.schema.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NamingTest {
    @Test
    void followsTheConventionForUnnamedObjects() {
        assertEquals("pk_users", Naming.primaryKey("users"));
        assertEquals("uq_users_tenant_id_email", Naming.unique("users", List.of("tenant_id", "email")));
        assertEquals("ck_users_age", Naming.check("users", List.of("age")));
        assertEquals("ix_users_created_at", Naming.index("users", List.of("created_at")));
        assertEquals("fk_orders_user_id_users", Naming.foreignKey("orders", List.of("user_id"), "users"));
    }

    @Test
    void longNamesThatShareA63BytePrefixStayDistinct() {
        String a = Naming.index("a_rather_long_table_name_for_testing", List.of("first_long_column_name", "x"));
        String b = Naming.index("a_rather_long_table_name_for_testing", List.of("first_long_column_name", "y"));
        assertNotEquals(a, b);
        assertTrue(a.length() <= 63 && b.length() <= 63);
    }

    @Property(tries = 200)
    void everyNameFitsPostgresIdentifierLimit(@ForAll @AlphaChars @StringLength(min = 1, max = 80) String table,
                                              @ForAll @StringLength(min = 1, max = 80) String column) {
        String name = Naming.index(table, List.of(column));
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63, name);
        assertEquals(name, Naming.index(table, List.of(column)), "deterministic");
    }
}
