package org.ems.contracts.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceEventTest {

    private static final DeviceEvent EVENT = new DeviceEvent(
            DeviceEvent.Type.UPDATED,
            3,
            Instant.parse("2026-03-29T10:15:30Z"),
            new DeviceData(
                    UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10"),
                    "Kitchen",
                    "Main meter",
                    "Str. Lalelelor 1, Cluj",
                    new BigDecimal("2.5"),
                    UUID.fromString("0b7a9a3e-1c2d-4e5f-8a9b-123456789abc"),
                    "Europe/Bucharest",
                    UUID.fromString("5d1e0c3a-9b8f-4e7d-a6c5-b4a392817f60"),
                    new MonthlyBudget(null, new BigDecimal("500")),
                    java.time.Duration.ofHours(2)));

    @Test
    void theJsonIsPinned() {
        assertThat(EVENT.toJson())
                .isEqualTo("{\"type\":\"UPDATED\",\"version\":3,"
                        + "\"occurredAt\":\"2026-03-29T10:15:30Z\",\"device\":{\"id\":\"6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10\","
                        + "\"name\":\"Kitchen\",\"description\":\"Main meter\",\"address\":\"Str. Lalelelor 1, Cluj\","
                        + "\"maxHourlyKwh\":2.5,\"timeZone\":\"Europe/Bucharest\","
                        + "\"ownerId\":\"0b7a9a3e-1c2d-4e5f-8a9b-123456789abc\","
                        + "\"tariffId\":\"5d1e0c3a-9b8f-4e7d-a6c5-b4a392817f60\",\"monthlyBudget\":{\"amount\":500},"
                        + "\"silentAfter\":\"PT2H\"}}");
    }

    @Test
    void roundTripsIncludingAnUnassignedDevice() {
        assertThat(DeviceEvent.fromJson(EVENT.toJson())).isEqualTo(EVENT);
        var unassigned = new DeviceEvent(
                DeviceEvent.Type.CREATED,
                1,
                EVENT.occurredAt(),
                new DeviceData(EVENT.device().id(), "n", "", "", BigDecimal.ONE, null, "UTC", null, null, null));
        assertThat(unassigned.toJson()).contains("\"ownerId\":null");
        assertThat(DeviceEvent.fromJson(unassigned.toJson())).isEqualTo(unassigned);
    }

    @Test
    void anEventOfBeforeBudgetsAndSilenceReadsWithoutThem() {
        String older = EVENT.toJson().replace(",\"monthlyBudget\":{\"amount\":500},\"silentAfter\":\"PT2H\"", "");
        assertThat(DeviceEvent.fromJson(older).device().monthlyBudget()).isNull();
        assertThat(DeviceEvent.fromJson(older).device().silentAfter()).isNull();
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertThatThrownBy(() -> DeviceEvent.fromJson("{\"type\":\"EXPLODED\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
