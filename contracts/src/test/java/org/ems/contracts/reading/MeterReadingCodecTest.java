package org.ems.contracts.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeterReadingCodecTest {

    private static final UUID DEVICE = UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10");
    private static final MeterReading READING =
            new MeterReading(DEVICE, Instant.parse("2026-03-29T00:10:00Z"), new BigDecimal("1234.567"));

    @Test
    void encodesTheEmsFormExactly() {
        assertThat(MeterReadingCodec.encode(READING))
                .isEqualTo("{\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\","
                        + "\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":1234.567}");
    }

    @Test
    void encodesTheClassicFormExactly() {
        assertThat(MeterReadingCodec.encodeClassic(READING))
                .isEqualTo("{\"device_id\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\","
                        + "\"timestamp\":1774743000000,\"measurement_value\":1234.567}");
    }

    @Test
    void decodesWhatItEncodes() throws Exception {
        assertThat(MeterReadingCodec.decode(MeterReadingCodec.encode(READING)).readings())
                .containsExactly(READING);
        assertThat(MeterReadingCodec.decode(MeterReadingCodec.encodeClassic(READING))
                        .readings())
                .containsExactly(READING);
        assertThat(MeterReadingCodec.decode(MeterReadingCodec.encodeBatch(List.of(READING, READING)))
                        .readings())
                .containsExactly(READING, READING);
    }

    @Test
    void ignoresUnknownFieldsAndAcceptsOffsets() throws Exception {
        var decoded = MeterReadingCodec.decode("{\"deviceId\":\"" + DEVICE
                + "\",\"timestamp\":\"2026-03-29T02:10:00+02:00\",\"kwh\":1234.567,\"firmware\":\"1.2\"}");
        assertThat(decoded.readings()).containsExactly(READING);
        assertThat(decoded.rejected()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json | not valid JSON",
                "[1,2] | must be a JSON object",
                "'' | empty message",
                "{\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":1} | missing deviceId",
                "{\"deviceId\":\"abc\",\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":1} | not a UUID",
                "{\"deviceId\":\"1-1-1-1-1\",\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":1} | not a UUID",
                "{\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"kwh\":1} | missing timestamp",
                "{\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"timestamp\":\"yesterday\",\"kwh\":1} | ISO-8601",
                "{\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"timestamp\":\"2026-03-29T00:10:00Z\"} | missing kwh",
                "{\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":\"NaN\"} | must be a number",
                "{\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":-1} | must not be negative",
                "{\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":1e15} | beyond any meter register",
                "{\"device_id\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"timestamp\":0,\"measurement_value\":1} | years 2000 to 2099",
                "{\"device_id\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"timestamp\":1.5,\"measurement_value\":1} | must be an integer",
                "{\"readings\":{}} | must be an array",
                "{\"readings\":[]} | is empty",
            })
    void rejectsBadMessagesWithAReason(String message, String reason) {
        assertThatThrownBy(() -> MeterReadingCodec.decode(message))
                .isInstanceOf(InvalidReadingException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aBatchKeepsItsValidReadingsAndNamesTheBadOnes() throws Exception {
        var decoded = MeterReadingCodec.decode("{\"readings\":[" + MeterReadingCodec.encode(READING)
                + ",{\"deviceId\":\"" + DEVICE + "\",\"timestamp\":\"2026-03-29T00:20:00Z\",\"kwh\":-3},7]}");
        assertThat(decoded.readings()).containsExactly(READING);
        assertThat(decoded.rejected())
                .extracting(DecodedReadings.Rejected::reason)
                .containsExactly(
                        "readings[1]: kwh must not be negative: -3", "readings[2]: a reading must be a JSON object");
    }

    @Test
    void refusesOversizedBatches() {
        String entry = MeterReadingCodec.encode(READING);
        String batch = "{\"readings\":[" + String.join(",", java.util.Collections.nCopies(1001, entry)) + "]}";
        assertThatThrownBy(() -> MeterReadingCodec.decode(batch)).hasMessageContaining("exceeds the limit of 1000");
    }

    @Test
    void onADeviceTopicTheDeviceMayBeLeftOutButNotContradicted() throws Exception {
        assertThat(MeterReadingCodec.decode("{\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":1234.567}", DEVICE)
                        .readings())
                .containsExactly(READING);
        assertThat(MeterReadingCodec.decode(
                                "{\"timestamp\":" + READING.timestamp().toEpochMilli()
                                        + ",\"measurement_value\":1234.567}",
                                DEVICE)
                        .readings())
                .containsExactly(READING);
        assertThat(MeterReadingCodec.decode(MeterReadingCodec.encode(READING), DEVICE)
                        .readings())
                .containsExactly(READING);
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> MeterReadingCodec.decode(MeterReadingCodec.encode(READING), other))
                .isInstanceOf(InvalidReadingException.class)
                .hasMessage("deviceId " + DEVICE + " is not the device of its topic, " + other);
        assertThatThrownBy(() -> MeterReadingCodec.decode("{\"timestamp\":\"2026-03-29T00:10:00Z\",\"kwh\":1}"))
                .hasMessage("missing deviceId");
    }
}
