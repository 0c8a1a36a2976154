package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ems.system.RunningEms.reading;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Tariffs and what consumption costs, against hand computations: {@code /api/tariffs} (administrators change, everyone
 * reads; every bad field 400, a duplicate name or a tariff in use 409), and the hourly, daily, monthly and CSV answers
 * of a priced device: each hour by the version of its local date and the rate of its local hour, rounded half-even
 * to the minor unit once per hour, a day and a month the sum of their hours.
 */
class TariffsApiIT extends SharedEmsSuite {

    /** RON 0.40; weekdays 07-22 0.90 and 22-24 1.00; from 2026-05-15 0.50 and weekdays 07-24 0.95. */
    private static final String HOME = "{\"name\":\"Home %s\",\"currency\":\"RON\",\"versions\":["
            + "{\"validFrom\":\"2026-01-01\",\"price\":0.40,\"rates\":["
            + "{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],\"from\":\"07:00\",\"to\":\"22:00\",\"price\":0.90},"
            + "{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],\"from\":\"22:00\",\"to\":\"24:00\",\"price\":1.00}]},"
            + "{\"validFrom\":\"2026-05-15\",\"price\":0.50,\"rates\":["
            + "{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],\"from\":\"07:00\",\"to\":\"24:00\",\"price\":0.95}]}]}";

    @Test
    void everyBadFieldOfATariffIsSaidAndNamesAreUnique() throws Exception {
        HttpResponse<String> bad = api.call(
                "POST",
                "api/tariffs",
                admin,
                "{\"name\":\"Bad\",\"currency\":\"XYZ\",\"versions\":[{\"validFrom\":\"2026-13-01\",\"price\":0.4,"
                        + "\"rates\":[{\"days\":[\"MON\"],\"from\":\"07:30\",\"to\":\"09:00\",\"price\":1},"
                        + "{\"days\":[\"FUNDAY\"],\"from\":\"07:00\",\"to\":\"08:00\",\"price\":1}]}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field")))
                .containsExactlyInAnyOrder(
                        "currency", "versions[0].validFrom", "versions[0].rates[0]", "versions[0].rates[1].days");
        HttpResponse<String> overlapping = api.call(
                "POST",
                "api/tariffs",
                admin,
                "{\"name\":\"Overlap\",\"currency\":\"EUR\",\"versions\":[{\"validFrom\":\"2026-01-01\",\"price\":0.4,"
                        + "\"rates\":[{\"from\":\"06:00\",\"to\":\"10:00\",\"price\":1},"
                        + "{\"days\":[\"SAT\"],\"from\":\"09:00\",\"to\":\"24:00\",\"price\":0.1}]}]}");
        assertThat(overlapping.statusCode()).isEqualTo(400);
        assertThat(overlapping.body()).contains("overlaps rates[0]");

        assertThat(api.call("POST", "api/tariffs", admin, HOME.formatted("A")).statusCode())
                .isEqualTo(201);
        assertThat(api.call("POST", "api/tariffs", admin, HOME.formatted("a")).statusCode())
                .as("names are unique in any case")
                .isEqualTo(409);
        String client = api.newClient(admin, "tariff.reader");
        assertThat(api.call("GET", "api/tariffs", client, null).body()).contains("\"Home A\"");
        assertThat(api.call("POST", "api/tariffs", client, HOME.formatted("B")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPricedDevicesHoursDaysAndMonthsCostWhatTheHandSays() throws Exception {
        HttpResponse<String> created = api.call("POST", "api/tariffs", admin, HOME.formatted("C"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String tariff = ApiClient.json(created).getString("id");
        UUID thursday = device("before the change", tariff);
        UUID friday = device("after the change", tariff);
        UUID late = device("a late hour", tariff);
        ems.sendReadings(
                // Thursday 2026-05-14: hour 6 1.234 kWh at 0.40 = 0.4936 -> 0.49; hour 7 1.766 at 0.90 = 1.5894 -> 1.59
                reading(thursday, "2026-05-14T06:00:00Z", "0"),
                reading(thursday, "2026-05-14T07:00:00Z", "1.234"),
                reading(thursday, "2026-05-14T08:00:00Z", "3.000"),
                // Friday 2026-05-15, the new version: hour 6 1.111 at 0.50 = 0.5555 -> 0.56; hour 7 1.234 at 0.95
                // = 1.1723 -> 1.17
                reading(friday, "2026-05-15T06:00:00Z", "10"),
                reading(friday, "2026-05-15T07:00:00Z", "11.111"),
                reading(friday, "2026-05-15T08:00:00Z", "12.345"),
                // Thursday 22:00, 1.125 kWh at 1.00: 1.125 -> 1.12 (half-even, not 1.13)
                reading(late, "2026-05-14T22:00:00Z", "0"),
                reading(late, "2026-05-14T23:00:00Z", "1.125"));

        JsonArray hours = awaitHours(thursday, "2026-05-14", 7, "1.766");
        assertThat(money(hours.getJsonObject(6), "price")).isEqualTo("0.40");
        assertThat(money(hours.getJsonObject(6), "cost")).isEqualTo("0.49");
        assertThat(money(hours.getJsonObject(7), "price")).isEqualTo("0.90");
        assertThat(money(hours.getJsonObject(7), "cost")).isEqualTo("1.59");
        assertThat(money(hours.getJsonObject(0), "cost")).isEqualTo("0.00");
        hours = awaitHours(friday, "2026-05-15", 7, "1.234");
        assertThat(money(hours.getJsonObject(6), "cost")).isEqualTo("0.56");
        assertThat(money(hours.getJsonObject(7), "price")).isEqualTo("0.95");
        assertThat(money(hours.getJsonObject(7), "cost")).isEqualTo("1.17");
        hours = awaitHours(late, "2026-05-14", 22, "1.125");
        assertThat(money(hours.getJsonObject(22), "cost")).isEqualTo("1.12");

        JsonObject daily = ApiClient.json(api.call(
                "GET", "api/devices/" + thursday + "/consumption/daily?from=2026-05-14&to=2026-05-15", admin, null));
        assertThat(daily.getString("currency")).isEqualTo("RON");
        assertThat(money(daily.getJsonArray("days").getJsonObject(0), "cost")).isEqualTo("2.08");
        JsonObject monthly = ApiClient.json(
                api.call("GET", "api/devices/" + friday + "/consumption/monthly?from=2026-04&to=2026-05", admin, null));
        assertThat(monthly.getJsonArray("months").getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("month") + " " + m.get("cost")))
                .containsExactly("2026-04 0.00", "2026-05 1.73");
        assertThat(api.call(
                                "GET",
                                "api/devices/" + friday + "/consumption/monthly?from=2016-01&to=2026-05",
                                admin,
                                null)
                        .statusCode())
                .as("more than 120 months")
                .isEqualTo(400);
        String csv = api.call(
                        "GET",
                        "api/devices/" + thursday + "/consumption.csv?from=2026-05-14&to=2026-05-14",
                        admin,
                        null)
                .body();
        assertThat(csv.lines().toList()).startsWith("start,kwh,readings,flags,price,cost");
        assertThat(csv.lines().filter(line -> line.startsWith("2026-05-14T07:00:00Z,")))
                .singleElement()
                .satisfies(line -> {
                    String[] columns = line.split(",", -1); // start,kwh,readings,flags,price,cost
                    assertThat(new java.math.BigDecimal(columns[1])).isEqualByComparingTo("1.766");
                    assertThat(List.of(columns[4], columns[5])).containsExactly("0.90", "1.59");
                });
        HttpResponse<String> inUse = api.call("DELETE", "api/tariffs/" + tariff, admin, null);
        assertThat(inUse.statusCode()).isEqualTo(409);
        for (UUID device : List.of(thursday, friday, late)) {
            assertThat(api.call("DELETE", "api/devices/" + device, admin, null).statusCode())
                    .isEqualTo(204);
        }
        assertThat(api.call("DELETE", "api/tariffs/" + tariff, admin, null).statusCode())
                .isEqualTo(204);
    }

    private UUID device(String name, String tariff) throws Exception {
        HttpResponse<String> created = api.call(
                "POST",
                "api/devices",
                admin,
                "{\"name\":\"" + name + "\",\"maxHourlyKwh\":100,\"timeZone\":\"UTC\",\"tariffId\":\"" + tariff
                        + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ApiClient.json(created).getString("tariffId")).isEqualTo(tariff);
        return UUID.fromString(ApiClient.json(created).getString("id"));
    }

    private JsonArray awaitHours(UUID device, String date, int hour, String kwh) {
        return Awaitility.await("hour " + hour + " of " + device)
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> ApiClient.json(api.call(
                                        "GET", "api/devices/" + device + "/consumption?date=" + date, admin, null))
                                .getJsonArray("hours"),
                        h -> h.getJsonObject(hour)
                                        .getJsonNumber("kwh")
                                        .bigDecimalValue()
                                        .compareTo(new java.math.BigDecimal(kwh))
                                == 0);
    }

    private static String money(JsonObject entry, String name) {
        return entry.getJsonNumber(name).bigDecimalValue().toPlainString();
    }
}
