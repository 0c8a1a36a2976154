package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;
import org.junit.jupiter.api.Test;

/** An analyst's export of a device's raw readings: every stored value with its flags, streamed, for its owner alone. */
class ReadingsExportIT extends SharedEmsSuite {

    private static final Instant DAY = Instant.parse("2026-02-10T00:00:00Z");

    @Test
    void theRawReadingsOfLocalDaysComeWithTheirFlags() throws Exception {
        String owner =
                api.newClient(admin, "analyst-" + UUID.randomUUID().toString().substring(0, 8));
        String ownerId = ApiClient.json(api.call("GET", "api/me", owner, null)).getString("id");
        String device = ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"Exported\",\"maxHourlyKwh\":100,\"timeZone\":\"UTC\",\"ownerId\":\"" + ownerId
                                + "\"}"))
                .getString("id");
        UUID id = UUID.fromString(device);
        List<MeterReading> readings = new ArrayList<>();
        readings.add(new MeterReading(id, DAY.minusSeconds(60), new BigDecimal("100"))); // the day before
        BigDecimal kwh = new BigDecimal("100");
        Instant at = DAY;
        for (int i = 0; i < 1_200; i++) {
            kwh = i == 600 ? new BigDecimal("5") : kwh.add(new BigDecimal("0.01")); // a new meter at 10:00
            readings.add(new MeterReading(id, at, kwh));
            at = at.plusSeconds(i == 899 ? 3 * 3600 : 60); // three hours without readings after the 900th
        }
        ems.sendReadings(readings.toArray(MeterReading[]::new));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ApiClient.json(api.call(
                                        "GET",
                                        "api/devices/" + device + "/consumption/daily?from=2026-02-09&to=2026-02-11",
                                        owner,
                                        null))
                                .getJsonArray("days")
                                .getValuesAs(jakarta.json.JsonObject.class)
                                .stream()
                                .mapToInt(d -> d.getInt("readings"))
                                .sum()
                        == 1_201);

        HttpResponse<String> csv =
                api.call("GET", "api/devices/" + device + "/readings.csv?from=2026-02-10&to=2026-02-11", owner, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Length"))
                .as("streamed, not built first")
                .isEmpty();
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(1_201);
        assertThat(rows.get(0)).isEqualTo("time,kwh,receivedAt,flags");
        assertThat(rows.get(1)).startsWith("2026-02-10T00:00:00Z,100.010000,").endsWith(",");
        assertThat(rows.get(601))
                .as("the register went down")
                .startsWith("2026-02-10T10:00:00Z,5.000000,")
                .endsWith(",reset");
        assertThat(rows.get(901)).as("after three hours without readings").endsWith(",estimated");
        assertThat(rows.stream().filter(r -> r.endsWith(",")).count()).isEqualTo(1_198);

        assertThat(api.call("GET", "api/devices/" + device + "/readings.csv?from=2026-02-10&to=2026-02-10", admin, null)
                        .body()
                        .lines()
                        .count())
                .as("an administrator's, one day")
                .isEqualTo(1_201);
        String stranger =
                api.newClient(admin, "stranger-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(api.call(
                                "GET",
                                "api/devices/" + device + "/readings.csv?from=2026-02-10&to=2026-02-10",
                                stranger,
                                null)
                        .statusCode())
                .isEqualTo(404);
        for (String bad : List.of(
                "from=2026-02-10",
                "from=10.02.2026&to=2026-02-11",
                "from=2026-02-11&to=2026-02-10",
                "from=2025-01-01&to=2026-02-10")) {
            HttpResponse<String> refused =
                    api.call("GET", "api/devices/" + device + "/readings.csv?" + bad, owner, null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
