package org.ems.contracts.alert;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.ems.contracts.platform.Jsonp;

/**
 * A consumption alert as everyone outside monitoring sees it: {@code GET /api/alerts}, {@code /ws/alerts}, the pages'
 * push channel and the {@code ems.alerts} topic all carry this JSON.
 *
 * @param hourStart the clock hour, with the offset of the device's zone then
 * @param kwh the hour's total when the alert was raised
 * @param limitKwh the limit in force when the hour started
 * @param acknowledgedAt when it was acknowledged, or null
 * @param withdrawnAt when late readings took the hour back within its limit, or null (standing)
 * @param withdrawnReason why it was withdrawn, or null
 */
public record AlertMessage(
        UUID id,
        UUID deviceId,
        OffsetDateTime hourStart,
        BigDecimal kwh,
        BigDecimal limitKwh,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant withdrawnAt,
        String withdrawnReason) {

    /** Whether the alert stands (not withdrawn). */
    public boolean standing() {
        return withdrawnAt == null;
    }

    public String toJson() {
        return toJsonObject().toString();
    }

    public JsonObject toJsonObject() {
        JsonObjectBuilder json = Jsonp.PROVIDER
                .createObjectBuilder()
                .add("id", id.toString())
                .add("deviceId", deviceId.toString())
                // with :00 seconds, as the hours of the consumption API show
                .add("hourStart", hourStart.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .add("kwh", kwh)
                .add("limitKwh", limitKwh)
                .add("createdAt", createdAt.toString());
        nullable(json, "acknowledgedAt", acknowledgedAt);
        nullable(json, "withdrawnAt", withdrawnAt);
        nullable(json, "withdrawnReason", withdrawnReason);
        return json.build();
    }

    public static AlertMessage fromJson(String text) {
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            return new AlertMessage(
                    UUID.fromString(o.getString("id")),
                    UUID.fromString(o.getString("deviceId")),
                    OffsetDateTime.parse(o.getString("hourStart")),
                    o.getJsonNumber("kwh").bigDecimalValue(),
                    o.getJsonNumber("limitKwh").bigDecimalValue(),
                    Instant.parse(o.getString("createdAt")),
                    nullable(o, "acknowledgedAt") == null ? null : Instant.parse(nullable(o, "acknowledgedAt")),
                    nullable(o, "withdrawnAt") == null ? null : Instant.parse(nullable(o, "withdrawnAt")),
                    nullable(o, "withdrawnReason"));
        } catch (JsonException
                | ClassCastException
                | NullPointerException
                | IllegalArgumentException
                | DateTimeParseException e) {
            throw new IllegalArgumentException("not an alert: " + e.getMessage(), e);
        }
    }

    private static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }

    /** A string member that may be missing or null. */
    private static String nullable(JsonObject o, String name) {
        JsonValue value = o.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(name);
    }
}
