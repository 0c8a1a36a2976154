package org.ems.contracts.alert;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** The JSON members alerts are made of. */
final class AlertJson {

    private AlertJson() {}

    /** With :00 seconds, as the hours of the consumption API show. */
    static String hour(OffsetDateTime start) {
        return start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static BigDecimal number(JsonObject o, String name) {
        return o.getJsonNumber(name).bigDecimalValue();
    }

    static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }

    /** A string member that may be missing or null. */
    static String text(JsonObject o, String name) {
        JsonValue value = o.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(name);
    }

    static Instant instant(JsonObject o, String name) {
        String text = text(o, name);
        return text == null ? null : Instant.parse(text);
    }
}
