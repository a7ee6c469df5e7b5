package org.somaagent01.migrator.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Index storage parameters as an ordered list of {@code name=value}. In a snapshot they are a JSON object, as they
 * were when the model kept them sorted, but written and read in list order (the snapshot writer sorts maps by key,
 * which would lose the order).
 */
public final class StorageParameters {
    private StorageParameters() {}

    static List<String> of(Map<String, String> parameters) {
        List<String> out = new ArrayList<>();
        if (parameters != null) new TreeMap<>(parameters).forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    public static String name(String parameter) {
        return parameter.substring(0, parameter.indexOf('='));
    }

    public static String value(String parameter) {
        return parameter.substring(parameter.indexOf('=') + 1);
    }

    static final class Writer extends JsonSerializer<List<String>> {
        @Override
        public void serialize(List<String> parameters, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            for (String p : parameters) json.writeStringField(name(p), value(p));
            json.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<List<String>> {
        @Override
        public List<String> deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                return context.reportInputMismatch(List.class, "index storage parameters must be a JSON object");
            }
            List<String> out = new ArrayList<>();
            for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                json.nextToken();
                out.add(name + "=" + json.getValueAsString());
            }
            return out;
        }
    }
}
