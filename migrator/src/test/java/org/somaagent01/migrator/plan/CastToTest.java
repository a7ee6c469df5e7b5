package org.somaagent01.migrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A column changing type casts directly from PostgreSQL's own types, through text from a type of the schema. */
class CastToTest {
    @Test
    void builtInTypesCastDirectly() {
        assertEquals("n::bigint", SqlRenderer.castTo("n", "integer", "bigint"));
        assertEquals("t::character varying(40)", SqlRenderer.castTo("t", "character varying(20)", "character varying(40)"));
        assertEquals("ts::timestamp with time zone", SqlRenderer.castTo("ts", "timestamp without time zone", "timestamp with time zone"));
        assertEquals("a::bigint[]", SqlRenderer.castTo("a", "integer[]", "bigint[]"));
        assertEquals("c::text", SqlRenderer.castTo("c", "\"char\"", "text"));
        assertEquals("v::vector(4)", SqlRenderer.castTo("v", "vector(3)", "vector(4)"));
    }

    @Test
    void typesOfTheSchemaCastThroughText() {
        // two enums have no cast between them (migra's enumdefaults fixture), nor do their arrays
        assertEquals("mood::text::other.mood2", SqlRenderer.castTo("mood", "other.mood1", "other.mood2"));
        assertEquals("m::text::mood2[]", SqlRenderer.castTo("m", "mood[]", "mood2[]"));
        // a name that merely starts like a built-in one is the schema's own
        assertEquals("\"Flag\"::text::boolean", SqlRenderer.castTo("Flag", "integer_flag", "boolean"));
    }
}
