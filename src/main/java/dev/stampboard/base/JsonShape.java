package dev.stampboard.base;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Says what was wrong with a request body in the API's own words: the JSON field and the kind of
 * value it needs. The parser's own message names Java classes, which a client should not see.
 */
final class JsonShape {

    private JsonShape() {}

    static String explain(Throwable cause) {
        if (cause instanceof JsonParseException parse) {
            return "The request body is not valid JSON (line "
                    + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String kind = mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? kind(mismatch.getTargetType())
                    : "a value of another kind";
            return "'" + field + "' must be " + kind;
        }
        return "The request body is not JSON of the expected shape";
    }

    private static String kind(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text (a JSON string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO-8601";
        }
        return "an object";
    }
}
