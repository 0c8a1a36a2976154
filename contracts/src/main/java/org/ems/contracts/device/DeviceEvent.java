package org.ems.contracts.device;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.ems.contracts.platform.Jsonp;

/**
 * A committed change of one device. {@code version} grows by one with every change of that device, so a consumer
 * applies events in version order and ignores one older than what it holds. A deleted device's event carries the
 * device as it was.
 */
public record DeviceEvent(Type type, long version, Instant occurredAt, DeviceData device) {

    /** What happened to the device. */
    public enum Type {
        CREATED,
        UPDATED,
        DELETED
    }

    public String toJson() {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("type", type.name())
                .add("version", version)
                .add("occurredAt", occurredAt.toString())
                .add("device", deviceJson())
                .build()
                .toString();
    }

    /** The device as the event carries it. */
    public JsonObject deviceJson() {
        JsonObjectBuilder d = Jsonp.PROVIDER
                .createObjectBuilder()
                .add("id", device.id().toString())
                .add("name", device.name())
                .add("description", device.description() == null ? "" : device.description())
                .add("address", device.address() == null ? "" : device.address())
                .add("maxHourlyKwh", device.maxHourlyKwh())
                .add("timeZone", device.timeZone());
        nullable(d, "ownerId", device.ownerId());
        nullable(d, "tariffId", device.tariffId());
        if (device.monthlyBudget() == null) {
            d.addNull("monthlyBudget");
        } else {
            d.add("monthlyBudget", device.monthlyBudget().toJson());
        }
        if (device.silentAfter() == null) {
            d.addNull("silentAfter");
        } else {
            d.add("silentAfter", device.silentAfter().toString());
        }
        return d.build();
    }

    private static void nullable(JsonObjectBuilder json, String name, UUID id) {
        if (id == null) {
            json.addNull(name);
        } else {
            json.add(name, id.toString());
        }
    }

    /** The id in {@code name}; null when it is null or missing (events of before it was). */
    private static UUID nullableId(JsonObject json, String name) {
        return present(json, name) ? UUID.fromString(json.getString(name)) : null;
    }

    /** Whether {@code name} has a value (members added later are missing from older events). */
    private static boolean present(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /**
     * The event a message of {@code ems.device-events} carries; empty (logged) when it is not one: delivering it again
     * cannot help, so consumers drop it.
     */
    public static java.util.Optional<DeviceEvent> of(jakarta.jms.Message message) {
        try {
            return java.util.Optional.of(fromJson(((jakarta.jms.TextMessage) message).getText()));
        } catch (ClassCastException | IllegalArgumentException | jakarta.jms.JMSException e) {
            java.util.logging.Logger.getLogger(DeviceEvent.class.getName())
                    .warning(() -> "Dropping a message on " + org.ems.contracts.messaging.Destinations.DEVICE_EVENTS
                            + " that is not a device event: " + e);
            return java.util.Optional.empty();
        }
    }

    public static DeviceEvent fromJson(String text) {
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            JsonObject d = o.getJsonObject("device");
            return new DeviceEvent(
                    Type.valueOf(o.getString("type")),
                    o.getJsonNumber("version").longValueExact(),
                    Instant.parse(o.getString("occurredAt")),
                    new DeviceData(
                            UUID.fromString(d.getString("id")),
                            d.getString("name"),
                            d.getString("description"),
                            d.getString("address"),
                            d.getJsonNumber("maxHourlyKwh").bigDecimalValue(),
                            nullableId(d, "ownerId"),
                            d.getString("timeZone"),
                            nullableId(d, "tariffId"),
                            present(d, "monthlyBudget")
                                    ? MonthlyBudget.fromJson(d.getJsonObject("monthlyBudget"))
                                    : null,
                            present(d, "silentAfter") ? java.time.Duration.parse(d.getString("silentAfter")) : null));
        } catch (JsonException
                | ClassCastException
                | NullPointerException
                | IllegalArgumentException
                | ArithmeticException
                | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a device event: " + e.getMessage(), e);
        }
    }
}
