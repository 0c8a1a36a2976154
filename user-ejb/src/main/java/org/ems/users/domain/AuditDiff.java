package org.ems.users.domain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What an audited change changed, field by field: the before and after JSON of its target, compared. */
public final class AuditDiff {

    /** One field that differs; a side is null where the field (or the whole target) did not exist. */
    public record Change(String field, String before, String after) implements java.io.Serializable {}

    private AuditDiff() {}

    /** The fields whose values differ, by name (every field of a created or deleted target). */
    public static List<Change> of(String beforeJson, String afterJson) {
        JsonObject before = object(beforeJson);
        JsonObject after = object(afterJson);
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String was = text(before.get(field));
            String is = text(after.get(field));
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new Change(field, was, is));
            }
        }
        return changes;
    }

    private static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value.getValueType() == JsonValue.ValueType.STRING
                ? ((jakarta.json.JsonString) value).getString()
                : value.toString();
    }
}
