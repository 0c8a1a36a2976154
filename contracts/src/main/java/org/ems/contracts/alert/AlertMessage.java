package org.ems.contracts.alert;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.ems.contracts.platform.Jsonp;

/**
 * An alert as everyone outside monitoring sees it: {@code GET /api/alerts}, {@code /ws/alerts}, the pages' push
 * channel, the webhooks and the {@code ems.alerts} topic all carry this JSON: {@code id}, {@code kind},
 * {@code deviceId}, the members of its {@link AlertFacts kind}, then {@code createdAt}, {@code acknowledgedAt},
 * {@code withdrawnAt}, {@code withdrawnReason}.
 *
 * @param acknowledgedAt when it was acknowledged, or null
 * @param withdrawnAt when it turned out not to hold (late readings, an hour that ended within its limit), or null
 * @param withdrawnReason why it was withdrawn, or null
 */
public record AlertMessage(
        UUID id,
        UUID deviceId,
        AlertFacts facts,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant withdrawnAt,
        String withdrawnReason) {

    public AlertKind kind() {
        return facts.kind();
    }

    /** Whether the alert stands (not withdrawn). */
    public boolean standing() {
        return withdrawnAt == null;
    }

    /** Whether what it warned of is over: withdrawn, or a silent meter that reports again. */
    public boolean ended() {
        return !standing() || facts instanceof AlertFacts.Silent silent && silent.resolvedAt() != null;
    }

    /** The local date its period starts on (the day a link to the device's consumption opens). */
    public LocalDate day() {
        return facts.day();
    }

    public String toJson() {
        return toJsonObject().toString();
    }

    public JsonObject toJsonObject() {
        JsonObjectBuilder json = Jsonp.PROVIDER
                .createObjectBuilder()
                .add("id", id.toString())
                .add("kind", kind().name())
                .add("deviceId", deviceId.toString());
        facts.write(json);
        json.add("createdAt", createdAt.toString());
        AlertJson.nullable(json, "acknowledgedAt", acknowledgedAt);
        AlertJson.nullable(json, "withdrawnAt", withdrawnAt);
        AlertJson.nullable(json, "withdrawnReason", withdrawnReason);
        return json.build();
    }

    public static AlertMessage fromJson(String text) {
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            return new AlertMessage(
                    UUID.fromString(o.getString("id")),
                    UUID.fromString(o.getString("deviceId")),
                    AlertFacts.read(o),
                    Instant.parse(o.getString("createdAt")),
                    AlertJson.instant(o, "acknowledgedAt"),
                    AlertJson.instant(o, "withdrawnAt"),
                    AlertJson.text(o, "withdrawnReason"));
        } catch (JsonException
                | ClassCastException
                | NullPointerException
                | IllegalArgumentException
                | DateTimeParseException e) {
            throw new IllegalArgumentException("not an alert: " + e.getMessage(), e);
        }
    }
}
