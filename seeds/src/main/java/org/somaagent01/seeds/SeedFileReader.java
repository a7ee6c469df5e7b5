package org.somaagent01.seeds;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jetbrains.exposed.v1.core.Column;

/** Reads one data file (a JSON array of row objects keyed by column name) and checks it against its table. */
final class SeedFileReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)   // a key given twice would silently keep the last
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // so would a second document after the array
            .build();

    private SeedFileReader() {}

    static List<SeedRow> read(SeedTable table, InputStream in) {
        String file = table.fileName();
        JsonNode root = parse(file, in);
        if (!root.isArray()) throw new SeedValidationException(file + ": expected a JSON array of row objects");
        List<SeedRow> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) rows.add(row(table, i, root.get(i)));
        rejectDuplicateKeys(table, rows);
        return rows;
    }

    private static JsonNode parse(String file, InputStream in) {
        try (in) {
            return JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // one line, as every validation message
            String problem = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
            throw new SeedValidationException(file + ": invalid JSON" + where + ": " + problem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + file, e);
        }
    }

    private static SeedRow row(SeedTable table, int index, JsonNode node) {
        String file = table.fileName();
        if (!node.isObject()) throw SeedValidationException.at(file, index, null, "expected a row object, got " + node);
        Map<Column<?>, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Column<?> column = table.column(field.getKey()).orElseThrow(() -> SeedValidationException.at(
                    file, index, field.getKey(), "no such column in " + table.name() + " (columns: " + columnNames(table) + ")"));
            try {
                values.put(column, JsonColumnValues.read(column, field.getValue()));
            } catch (JsonColumnValues.InvalidValue e) {
                throw SeedValidationException.at(file, index, field.getKey(), e.getMessage());
            }
        }
        for (Column<?> column : table.table().getColumns()) {
            if (values.containsKey(column)) continue;
            if (table.primaryKey().contains(column)) {
                throw SeedValidationException.at(file, index, column.getName(), "missing key column");
            }
            if (table.required(column)) {
                throw SeedValidationException.at(file, index, column.getName(), "missing required column (NOT NULL, no default)");
            }
        }
        return new SeedRow(index, values);
    }

    /** Two rows with one key would make the result depend on their order; the database would reject some of them. */
    private static void rejectDuplicateKeys(SeedTable table, List<SeedRow> rows) {
        for (List<Column<?>> key : table.uniqueKeys()) {
            Map<List<Object>, Integer> seen = new HashMap<>();
            for (SeedRow row : rows) {
                Integer first = seen.putIfAbsent(row.valuesOf(key), row.index());
                if (first != null) {
                    throw SeedValidationException.at(table.fileName(), row.index(),
                            key.stream().map(Column::getName).collect(Collectors.joining("/")),
                            "same key as row " + first + " (" + row.describe(key) + ")");
                }
            }
        }
    }

    private static String columnNames(SeedTable table) {
        return table.table().getColumns().stream().map(Column::getName).collect(Collectors.joining(", "));
    }
}
