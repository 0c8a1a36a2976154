package org.ems.contracts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertMessageTest {

    private static final AlertMessage ALERT = new AlertMessage(
            UUID.fromString("9b0e1a52-7c3d-4f2e-8d1b-5a6c7e8f9012"),
            UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10"),
            OffsetDateTime.parse("2026-03-29T10:00+03:00"),
            new BigDecimal("2.61"),
            new BigDecimal("2.5"),
            Instant.parse("2026-03-29T07:31:02.118Z"),
            null,
            null,
            null);

    @Test
    void theJsonIsPinned() {
        assertThat(ALERT.toJson())
                .isEqualTo("{\"id\":\"9b0e1a52-7c3d-4f2e-8d1b-5a6c7e8f9012\","
                        + "\"deviceId\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\",\"hourStart\":\"2026-03-29T10:00:00+03:00\","
                        + "\"kwh\":2.61,\"limitKwh\":2.5,\"createdAt\":\"2026-03-29T07:31:02.118Z\",\"acknowledgedAt\":null,"
                        + "\"withdrawnAt\":null,\"withdrawnReason\":null}");
    }

    @Test
    void roundTripsAcknowledgedWithdrawnOrNot() {
        assertThat(AlertMessage.fromJson(ALERT.toJson())).isEqualTo(ALERT);
        var acknowledged = new AlertMessage(
                ALERT.id(),
                ALERT.deviceId(),
                ALERT.hourStart(),
                ALERT.kwh(),
                ALERT.limitKwh(),
                ALERT.createdAt(),
                Instant.parse("2026-03-29T08:00:00Z"),
                Instant.parse("2026-03-29T09:00:00Z"),
                "late readings put the hour within its limit: 2.4 kWh");
        assertThat(acknowledged.toJson())
                .contains("\"acknowledgedAt\":\"2026-03-29T08:00:00Z\"")
                .contains("\"withdrawnAt\":\"2026-03-29T09:00:00Z\"");
        assertThat(AlertMessage.fromJson(acknowledged.toJson())).isEqualTo(acknowledged);
        assertThat(acknowledged.standing()).isFalse();
        assertThat(ALERT.standing()).isTrue();
    }

    @Test
    void refusesWhatIsNotAnAlert() {
        assertThatThrownBy(() -> AlertMessage.fromJson("{\"id\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertMessage.fromJson("[]")).isInstanceOf(IllegalArgumentException.class);
    }
}
