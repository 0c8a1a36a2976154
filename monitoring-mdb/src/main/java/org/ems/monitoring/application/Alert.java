package org.ems.monitoring.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A device's consumption went over its limit in one clock hour (at most one alert per device-hour).
 *
 * @param ownerId the device's owner when the alert was raised: the one it is pushed to and shown to
 * @param hourStart the hour, with the offset of the device's zone then
 * @param kwh the hour's total when the alert was raised
 * @param limitKwh the device's limit then
 * @param acknowledgedAt when the owner acknowledged it, or null
 */
public record Alert(UUID id, UUID deviceId, UUID ownerId, OffsetDateTime hourStart, BigDecimal kwh, BigDecimal limitKwh,
        Instant createdAt, Instant acknowledgedAt) {

    /** The alert as the API and the sockets show it. */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id.toString())
                .add("deviceId", deviceId.toString())
                .add("hourStart", hourStart.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)) // with :00 seconds, as hours show
                .add("kwh", kwh)
                .add("limitKwh", limitKwh)
                .add("createdAt", createdAt.toString());
        if (acknowledgedAt == null) {
            json.addNull("acknowledgedAt");
        } else {
            json.add("acknowledgedAt", acknowledgedAt.toString());
        }
        return json.build();
    }
}
