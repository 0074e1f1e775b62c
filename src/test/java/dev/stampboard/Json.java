package dev.stampboard;

import com.fasterxml.jackson.databind.JsonNode;

/** Small helpers for reading API answers in tests. */
public final class Json {

    private Json() {}

    public static JsonNode findByName(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }
}
