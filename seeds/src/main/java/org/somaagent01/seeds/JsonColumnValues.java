package org.somaagent01.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jetbrains.exposed.v1.core.ArrayColumnType;
import org.jetbrains.exposed.v1.core.BooleanColumnType;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.CustomEnumerationColumnType;
import org.jetbrains.exposed.v1.core.IColumnType;
import org.jetbrains.exposed.v1.core.IntegerColumnType;
import org.jetbrains.exposed.v1.core.StringColumnType;
import org.jetbrains.exposed.v1.core.TextColumnType;
import org.jetbrains.exposed.v1.core.VarCharColumnType;
import org.jetbrains.exposed.v1.core.java.UUIDColumnType;
import org.jetbrains.exposed.v1.json.JsonBColumnType;

/**
 * Turns a JSON value of a data file into the Java value its Exposed column takes. Strict on purpose: a string is
 * not an integer here even though Exposed would convert it, so a typo in a data file is caught before writing.
 */
final class JsonColumnValues {

    /** Why a JSON value does not fit its column; the caller adds file, row and field. */
    static final class InvalidValue extends Exception {
        InvalidValue(String message) { super(message); }
    }

    private JsonColumnValues() {}

    static Object read(Column<?> column, JsonNode node) throws InvalidValue {
        IColumnType<?> type = column.getColumnType();
        if (node.isNull()) {
            if (!type.getNullable()) throw new InvalidValue("null, but the column is NOT NULL");
            return null;
        }
        if (type instanceof JsonBColumnType) return node;
        if (type instanceof VarCharColumnType v) {
            String s = expect(node, node.isTextual(), "a string").asText();
            if (s.codePointCount(0, s.length()) > v.getColLength()) {
                throw new InvalidValue("longer than " + v.getColLength() + " characters");
            }
            return s;
        }
        if (type instanceof StringColumnType) return expect(node, node.isTextual(), "a string").asText();
        if (type instanceof IntegerColumnType) {
            return expect(node, node.isIntegralNumber() && node.canConvertToInt(), "an integer").intValue();
        }
        if (type instanceof BooleanColumnType) return expect(node, node.isBoolean(), "true or false").booleanValue();
        if (type instanceof UUIDColumnType) return uuid(expect(node, node.isTextual(), "a UUID string").asText());
        if (type instanceof CustomEnumerationColumnType<?> e) return enumValue(e, expect(node, node.isTextual(), "a string label").asText());
        if (type instanceof ArrayColumnType<?, ?> a && a.getDelegate() instanceof TextColumnType) return strings(node);
        throw new InvalidValue("columns of type " + type.getClass().getSimpleName() + " cannot be seeded from a data file");
    }

    private static JsonNode expect(JsonNode node, boolean ok, String what) throws InvalidValue {
        if (!ok) throw new InvalidValue("expected " + what + ", got " + node.getNodeType().name().toLowerCase() + " " + node);
        return node;
    }

    private static UUID uuid(String text) throws InvalidValue {
        try {
            UUID id = UUID.fromString(text);
            // fromString accepts short groups such as "1-2-3-4-5"; only the canonical form reads back the same
            if (id.toString().equalsIgnoreCase(text)) return id;
        } catch (IllegalArgumentException ignored) {
            // reported below, like a non-canonical form
        }
        throw new InvalidValue("'" + text + "' is not a UUID");
    }

    private static Object enumValue(CustomEnumerationColumnType<?> type, String label) throws InvalidValue {
        try {
            return type.valueFromDB(label); // PgEnumType.fromLabel: rejects labels the enum type does not have
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(e.getMessage());
        }
    }

    private static List<String> strings(JsonNode node) throws InvalidValue {
        expect(node, node.isArray(), "an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode element : node) out.add(expect(element, element.isTextual(), "an array of strings").asText());
        return out;
    }
}
