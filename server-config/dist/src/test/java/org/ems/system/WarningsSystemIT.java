package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.ems.contracts.reading.MeterReading;
import org.junit.jupiter.api.Test;

/**
 * The warnings of "Energy insight" end to end, with readings of now as meters send them: an hour heading over its
 * limit, a meter gone quiet and back, a month over its budget in kWh and in money; each pushed to whom it is for, in
 * the API by kind, once. (On the shared EMS; a device that could fall silent later is deleted, so that no later suite
 * gets its alert.)
 */
class WarningsSystemIT extends SharedEmsSuite {

    @Test
    void anHourHeadingOverItsLimitIsWarnedWithinSecondsOfItsReadingsOnce() throws Exception {
        String dora = api.newClient(admin, "dora");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // A zone whose clock hour has at least 20 minutes left now: UTC, or India's (hours start at :30 UTC).
        String zone = now.atZone(ZoneOffset.UTC).getMinute() < 40 ? "UTC" : "Asia/Kolkata";
        UUID device = device(dora, "heater", "\"maxHourlyKwh\":1,\"timeZone\":\"" + zone + "\"");
        var socket = new LinkedBlockingQueue<String>();
        WebSocket open = api.socket("/ws/alerts", dora, null, socket);
        try {
            // 0.4 kWh every 5 minutes: at most 0.8 kWh so far, 0.08 kWh a minute for 20 minutes or more to come.
            List<MeterReading> readings = List.of(
                    new MeterReading(device, now.minusSeconds(600), new BigDecimal("100")),
                    new MeterReading(device, now.minusSeconds(300), new BigDecimal("100.4")),
                    new MeterReading(device, now, new BigDecimal("100.8")));
            ems.sendReadings(readings.toArray(MeterReading[]::new));
            JsonObject warning = ApiClient.json(socket.poll(20, TimeUnit.SECONDS));
            assertThat(warning.getString("kind")).isEqualTo("PROJECTED");
            OffsetDateTime hour = OffsetDateTime.parse(warning.getString("hourStart"));
            assertThat(hour.toInstant()).isBeforeOrEqualTo(now).isAfter(now.minus(Duration.ofHours(1)));
            assertThat(hour.getOffset()).isEqualTo(ZoneId.of(zone).getRules().getOffset(now));
            assertThat(warning.getJsonNumber("projectedKwh").bigDecimalValue()).isGreaterThan(BigDecimal.ONE);
            assertThat(warning.getJsonNumber("limitKwh").bigDecimalValue()).isEqualByComparingTo("1");
            Instant expected = Instant.parse(warning.getString("expectedAt"));
            assertThat(expected).isAfter(now).isBefore(hour.toInstant().plus(Duration.ofHours(1)));

            // The same readings again and one more a minute on: no second warning of the hour.
            ems.sendReadings(readings.toArray(MeterReading[]::new));
            ems.sendReadings(new MeterReading(device, now.plusSeconds(1), new BigDecimal("100.81")));
            assertThat(socket.poll(3, TimeUnit.SECONDS))
                    .as("one warning per device-hour")
                    .isNull();
            assertThat(alerts(dora, "?kind=PROJECTED")).hasSize(1);
            assertThat(alerts(dora, "?kind=OVER_LIMIT")).isEmpty();
            assertThat(api.call("GET", "api/alerts?kind=ON_FIRE", dora, null).statusCode())
                    .isEqualTo(400);
        } finally {
            open.abort();
            deleteDevice(device);
        }
    }

    /**
     * The watch of every 30 seconds: a meter that goes quiet (alerted to its owner and the administrators, resolved by
     * its next reading) and months over their budget in kWh and in money (once projected, once exceeded), together,
     * so that they share the minute of silence.
     */
    @Test
    void aMeterGoneQuietIsAlertedAndResolvedAndAMonthOverItsBudgetIsWarnedOncePerStage() throws Exception {
        String emil = api.newClient(admin, "emil");
        UUID quiet = device(emil, "pump", "\"maxHourlyKwh\":5,\"silentAfter\":\"PT1M\"");
        assertThat(ApiClient.json(api.call("GET", "api/devices/" + quiet, emil, null))
                        .getString("silentAfter"))
                .isEqualTo("PT1M");
        HttpResponse<String> tariff = api.call(
                "POST",
                "api/tariffs",
                admin,
                "{\"name\":\"flat for budgets\",\"currency\":\"RON\",\"versions\":[{\"validFrom\":\"2020-01-01\","
                        + "\"price\":0.5}]}");
        assertThat(tariff.statusCode()).isEqualTo(201);
        String tariffId = ApiClient.json(tariff).getString("id");
        UUID inKwh = device(emil, "kiln", "\"maxHourlyKwh\":50,\"timeZone\":\"UTC\",\"monthlyBudget\":{\"kwh\":10}");
        UUID inMoney = device(
                emil,
                "oven",
                "\"maxHourlyKwh\":50,\"timeZone\":\"UTC\",\"tariffId\":\"" + tariffId
                        + "\",\"monthlyBudget\":{\"amount\":5}");
        assertThat(ApiClient.json(api.call("GET", "api/devices/" + inMoney, emil, null))
                        .getJsonObject("monthlyBudget")
                        .getJsonNumber("amount")
                        .bigDecimalValue())
                .isEqualByComparingTo("5");
        var owner = new LinkedBlockingQueue<String>();
        var administrator = new LinkedBlockingQueue<String>();
        List<WebSocket> sockets = List.of(
                api.socket("/ws/alerts", emil, null, owner), api.socket("/ws/alerts", admin, null, administrator));
        try {
            ems.sendReadings(new MeterReading(quiet, Instant.now(), new BigDecimal("7")));
            Instant sent = Instant.now();
            // 12 kWh since the month began (UTC): over 10 kWh, and about 6 RON at 0.50 over 5 RON.
            Instant monthStart = YearMonth.now(ZoneOffset.UTC)
                    .atDay(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            for (UUID device : List.of(inKwh, inMoney)) {
                ems.sendReadings(
                        new MeterReading(device, monthStart, new BigDecimal("1000")),
                        new MeterReading(device, Instant.now(), new BigDecimal("1012")));
            }
            int stages = OffsetDateTime.now(ZoneOffset.UTC).getDayOfMonth() >= 3 ? 2 : 1; // projected from the 3rd
            List<JsonObject> kwh = budgetAlerts(emil, inKwh, stages);
            JsonObject exceeded = stage(kwh, "exceeded");
            assertThat(exceeded.getString("month"))
                    .isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
            assertThat(exceeded.getJsonNumber("projectedKwh").bigDecimalValue()).isEqualByComparingTo("12");
            assertThat(exceeded.getJsonObject("budget").getJsonNumber("kwh").bigDecimalValue())
                    .isEqualByComparingTo("10");
            if (stages == 2) {
                assertThat(stage(kwh, "projected").getJsonNumber("projectedKwh").bigDecimalValue())
                        .isGreaterThanOrEqualTo(new BigDecimal("12"));
            }
            // The month's cost is the sum of its hours' costs, each rounded to the bani (a bit under 6.00 RON here).
            JsonObject spent = stage(budgetAlerts(emil, inMoney, stages), "exceeded");
            String month = YearMonth.now(ZoneOffset.UTC).toString();
            BigDecimal cost = ApiClient.json(api.call(
                            "GET",
                            "api/devices/" + inMoney + "/consumption/monthly?from=" + month + "&to=" + month,
                            emil,
                            null))
                    .getJsonArray("months")
                    .getJsonObject(0)
                    .getJsonNumber("cost")
                    .bigDecimalValue();
            assertThat(cost).isGreaterThan(new BigDecimal("5"));
            assertThat(spent.getJsonNumber("projectedAmount").bigDecimalValue()).isEqualByComparingTo(cost);
            assertThat(spent.getString("currency")).isEqualTo("RON");
            // More of the month: checked again at the next run (during the silence below), and no second warning.
            ems.sendReadings(new MeterReading(inKwh, Instant.now(), new BigDecimal("1013")));

            JsonObject silent = next(owner, "SILENT", quiet, Duration.ofSeconds(150));
            assertThat(Duration.between(sent, Instant.now()))
                    .as("raised within 60 s of the silence reaching a minute")
                    .isLessThan(Duration.ofSeconds(125));
            assertThat(Instant.parse(silent.getString("lastReadingAt"))).isBefore(sent.plusSeconds(1));
            assertThat(silent.isNull("resolvedAt")).isTrue();
            assertThat(next(administrator, "SILENT", quiet, Duration.ofSeconds(10))
                            .getString("id"))
                    .as("the administrators are told too")
                    .isEqualTo(silent.getString("id"));

            ems.sendReadings(new MeterReading(quiet, Instant.now(), new BigDecimal("7.1")));
            JsonObject resolved = next(owner, "SILENT", quiet, Duration.ofSeconds(20));
            assertThat(resolved.getString("id")).isEqualTo(silent.getString("id"));
            assertThat(resolved.isNull("resolvedAt")).isFalse();
            assertThat(alerts(emil, "?kind=SILENT&deviceId=" + quiet)).hasSize(1);
            assertThat(alerts(emil, "?kind=BUDGET&deviceId=" + inKwh))
                    .as("once per stage")
                    .hasSize(stages);
        } finally {
            sockets.forEach(WebSocket::abort);
            for (UUID device : List.of(quiet, inKwh, inMoney)) {
                deleteDevice(device);
            }
        }
    }

    private List<JsonObject> budgetAlerts(String token, UUID device, int stages) {
        return Awaitility.await("the budget's warnings")
                .atMost(Duration.ofSeconds(75))
                .until(() -> alerts(token, "?kind=BUDGET&deviceId=" + device), list -> list.size() == stages);
    }

    @Test
    void aBudgetAndASilenceTimeAreCheckedLikeEveryField() throws Exception {
        String gina = api.newClient(admin, "gina");
        for (String bad : List.of(
                "\"monthlyBudget\":{\"kwh\":10,\"amount\":5}",
                "\"monthlyBudget\":{\"amount\":5}",
                "\"monthlyBudget\":{\"kwh\":-1}",
                "\"silentAfter\":\"PT30S\"",
                "\"silentAfter\":\"an hour\"")) {
            HttpResponse<String> refused = api.call(
                    "POST",
                    "api/devices",
                    admin,
                    "{\"name\":\"x\",\"maxHourlyKwh\":1,\"ownerId\":\"" + id(gina) + "\"," + bad + "}");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(ApiClient.json(refused)
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"))
                    .as(bad)
                    .startsWith(bad.contains("silentAfter") ? "silentAfter" : "monthlyBudget");
        }
    }

    /** The next alert of this kind and device that arrives on the socket. */
    private static JsonObject next(LinkedBlockingQueue<String> socket, String kind, UUID device, Duration within)
            throws InterruptedException {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            String text = socket.poll(Duration.between(Instant.now(), until).toMillis(), TimeUnit.MILLISECONDS);
            if (text != null) {
                JsonObject alert = ApiClient.json(text);
                if (alert.getString("kind").equals(kind)
                        && alert.getString("deviceId").equals(device.toString())) {
                    return alert;
                }
            }
        }
        throw new AssertionError("no " + kind + " alert of " + device + " within " + within);
    }

    private static JsonObject stage(List<JsonObject> alerts, String stage) {
        return alerts.stream()
                .filter(a -> a.getString("stage").equals(stage))
                .findFirst()
                .orElseThrow();
    }

    private List<JsonObject> alerts(String token, String query) throws Exception {
        return ApiClient.jsonArray(api.call("GET", "api/alerts" + query, token, null))
                .getValuesAs(JsonObject.class);
    }

    private UUID device(String ownerToken, String name, String fields) throws Exception {
        HttpResponse<String> created = api.call(
                "POST",
                "api/devices",
                admin,
                "{\"name\":\"" + name + "\",\"ownerId\":\"" + id(ownerToken) + "\"," + fields + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(ApiClient.json(created).getString("id"));
    }

    private void deleteDevice(UUID device) throws Exception {
        assertThat(api.call("DELETE", "api/devices/" + device, admin, null).statusCode())
                .isEqualTo(204);
    }

    private String id(String token) throws Exception {
        return ApiClient.json(api.call("GET", "api/me", token, null)).getString("id");
    }
}
