package org.ems.contracts.reading;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.platform.Jsonp;

/**
 * The JSON forms of meter readings on {@code ems.readings}, as docs/meter-readings.md describes them.
 *
 * <ul>
 *   <li>EMS form: {@code {"deviceId":"<uuid>","timestamp":"2026-03-29T00:10:00Z","kwh":1234.567}}
 *   <li>classic form: {@code {"device_id":"<uuid>","timestamp":<epoch millis>,"measurement_value":<number>}}
 *   <li>batch: {@code {"readings":[<reading>, ...]}} with up to {@value #MAX_BATCH} readings of either form
 * </ul>
 *
 * Unknown fields are ignored.
 */
public final class MeterReadingCodec {

    public static final int MAX_BATCH = 1_000;

    /**
     * The largest message EMS takes, in characters of its text (a batch of {@value #MAX_BATCH} readings needs about a
     * tenth). A larger one goes to the dead-letter queue unread.
     */
    public static final int MAX_MESSAGE_CHARS = 1 << 20;

    /** Readings outside these years are a broken meter clock, not data (and would spread over centuries). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** The largest register value stored (14 integer digits, as monitoring keeps it). */
    public static final BigDecimal MAX_KWH = new BigDecimal("99999999999999");

    private MeterReadingCodec() {}

    /**
     * Decodes one message.
     *
     * @throws InvalidReadingException when the message as a whole is unusable (not JSON, not one of the forms, a single
     *     reading with a bad value, an oversized batch)
     */
    public static DecodedReadings decode(String text) throws InvalidReadingException {
        return decode(text, null);
    }

    /**
     * Decodes one message published to a device's own topic ({@code topicDevice}; null: none): its readings may leave
     * out the device id, and any they name must be that device.
     *
     * @throws InvalidReadingException as {@link #decode(String)}
     */
    public static DecodedReadings decode(String text, UUID topicDevice) throws InvalidReadingException {
        if (text != null && text.length() > MAX_MESSAGE_CHARS) {
            throw tooLarge(text.length());
        }
        JsonObject message = parseObject(text);
        JsonValue batch = message.get("readings");
        if (batch == null) {
            return new DecodedReadings(List.of(reading(message, topicDevice)), List.of());
        }
        if (batch.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidReadingException("'readings' must be an array");
        }
        JsonArray entries = batch.asJsonArray();
        if (entries.isEmpty()) {
            throw new InvalidReadingException("'readings' is empty");
        }
        if (entries.size() > MAX_BATCH) {
            throw new InvalidReadingException(
                    "batch of " + entries.size() + " readings exceeds the limit of " + MAX_BATCH);
        }
        List<MeterReading> readings = new ArrayList<>(entries.size());
        List<DecodedReadings.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonValue entry = entries.get(i);
            try {
                if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new InvalidReadingException("a reading must be a JSON object");
                }
                readings.add(reading(entry.asJsonObject(), topicDevice));
            } catch (InvalidReadingException e) {
                rejected.add(new DecodedReadings.Rejected(entry.toString(), "readings[" + i + "]", e.getMessage()));
            }
        }
        return new DecodedReadings(readings, rejected);
    }

    /** The reason a message of {@code size} characters (or bytes) is refused unread. */
    public static InvalidReadingException tooLarge(long size) {
        return new InvalidReadingException(
                "message of " + size + " characters exceeds the limit of " + MAX_MESSAGE_CHARS);
    }

    /** The EMS form of one reading. */
    public static String encode(MeterReading reading) {
        return toJson(reading).build().toString();
    }

    /** The classic form of one reading (epoch millis, {@code measurement_value}). */
    public static String encodeClassic(MeterReading reading) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("device_id", reading.deviceId().toString())
                .add("timestamp", reading.timestamp().toEpochMilli())
                .add("measurement_value", reading.kwh())
                .build()
                .toString();
    }

    /** A batch message of readings in the EMS form. */
    public static String encodeBatch(List<MeterReading> readings) {
        if (readings.isEmpty() || readings.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " readings");
        }
        var array = Jsonp.PROVIDER.createArrayBuilder();
        readings.forEach(r -> array.add(toJson(r)));
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("readings", array)
                .build()
                .toString();
    }

    private static JsonObjectBuilder toJson(MeterReading reading) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("deviceId", reading.deviceId().toString())
                .add("timestamp", reading.timestamp().toString())
                .add("kwh", reading.kwh());
    }

    private static JsonObject parseObject(String text) throws InvalidReadingException {
        if (text == null || text.isBlank()) {
            throw new InvalidReadingException("empty message");
        }
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidReadingException("message must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidReadingException("not valid JSON: " + e.getMessage());
        }
    }

    private static MeterReading reading(JsonObject json, UUID topicDevice) throws InvalidReadingException {
        boolean classic = !json.containsKey("deviceId")
                && (json.containsKey("device_id") || topicDevice != null && json.containsKey("measurement_value"));
        JsonValue named = json.get(classic ? "device_id" : "deviceId");
        UUID deviceId = topicDevice != null && (named == null || named.getValueType() == JsonValue.ValueType.NULL)
                ? topicDevice
                : deviceId(named);
        if (topicDevice != null && !topicDevice.equals(deviceId)) {
            throw new InvalidReadingException(
                    "deviceId " + deviceId + " is not the device of its topic, " + topicDevice);
        }
        Instant timestamp = timestamp(json.get("timestamp"));
        if (timestamp.isBefore(EARLIEST) || !timestamp.isBefore(LATEST)) {
            throw new InvalidReadingException("timestamp must be in the years 2000 to 2099: " + timestamp);
        }
        BigDecimal kwh = kwh(classic ? "measurement_value" : "kwh", json.get(classic ? "measurement_value" : "kwh"));
        return new MeterReading(deviceId, timestamp, kwh);
    }

    private static UUID deviceId(JsonValue value) throws InvalidReadingException {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidReadingException("missing deviceId");
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidReadingException("deviceId must be a UUID string");
        }
        String text = ((JsonString) value).getString();
        try {
            UUID id = UUID.fromString(text);
            // UUID.fromString accepts shortened groups such as "1-1-1-1-1"; only the canonical form is an id.
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidReadingException("deviceId is not a UUID: " + text);
        }
    }

    private static Instant timestamp(JsonValue value) throws InvalidReadingException {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidReadingException("missing timestamp");
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            JsonNumber number = (JsonNumber) value;
            if (!number.isIntegral()) {
                throw new InvalidReadingException("timestamp in epoch milliseconds must be an integer");
            }
            try {
                return Instant.ofEpochMilli(number.longValueExact());
            } catch (ArithmeticException e) {
                throw new InvalidReadingException("timestamp out of range: " + number);
            }
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((JsonString) value).getString();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidReadingException("timestamp is not an ISO-8601 instant with offset: " + text);
            }
        }
        throw new InvalidReadingException("timestamp must be an ISO-8601 string or epoch milliseconds");
    }

    private static BigDecimal kwh(String field, JsonValue value) throws InvalidReadingException {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidReadingException("missing " + field);
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidReadingException(field + " must be a number");
        }
        BigDecimal kwh = ((JsonNumber) value).bigDecimalValue();
        if (kwh.signum() < 0) {
            throw new InvalidReadingException(field + " must not be negative: " + kwh.toPlainString());
        }
        if (kwh.compareTo(MAX_KWH) > 0) {
            throw new InvalidReadingException(field + " is beyond any meter register (at most "
                    + MAX_KWH.toPlainString() + "): " + kwh.toPlainString());
        }
        return kwh;
    }
}
