package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Onboarding meters and people by CSV, as a utility does: all or nothing, a dry run, an export that imports again. */
class ImportExportIT extends SharedEmsSuite {

    private static final String DEVICE_HEADER = "name,description,address,maxHourlyKwh,owner,timeZone,tariff";

    @Test
    void tenThousandDevicesImportAtOnceOrNotAtAll() throws Exception {
        String run = "imp" + UUID.randomUUID().toString().substring(0, 6);
        String owner = run + "-owner";
        api.newClient(admin, owner);
        String ownerId = ApiClient.jsonArray(api.call("GET", "api/users?text=" + owner, admin, null))
                .getJsonObject(0)
                .getString("id");
        String tariff = run + " tariff";
        assertThat(api.call(
                                "POST",
                                "api/tariffs",
                                admin,
                                "{\"name\":\"" + tariff + "\",\"currency\":\"EUR\","
                                        + "\"versions\":[{\"validFrom\":\"2026-01-01\",\"price\":0.3}]}")
                        .statusCode())
                .isEqualTo(201);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            lines.add(String.join(
                    ",",
                    String.format("%s-%05d", run, i),
                    i % 3 == 0 ? "heat pump" : "",
                    "\"Str. Mare " + i + ", Cluj\"",
                    i == 10_000 ? "1" : "2.5",
                    i % 2 == 0 ? owner : "",
                    i % 5 == 0 ? "Asia/Kolkata" : "",
                    i % 4 == 0 ? tariff : ""));
        }
        List<String> badLines = new ArrayList<>(lines);
        badLines.set(6, badLines.get(6).replace(",2.5,", ",-1,"));
        badLines.set(8_999, badLines.get(8_999).replace("," + owner + ",", ",nobody-" + run + ","));
        HttpResponse<String> refused = importCsv("api/devices/import", DEVICE_HEADER, badLines);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<Integer, String> rows = ApiClient.json(refused).getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getInt("row"), r -> r.getString("field")));
        assertThat(rows).containsOnly(Map.entry(7, "maxHourlyKwh"), Map.entry(9_000, "owner"));
        assertThat(total("api/devices?text=" + run)).as("nothing applied").isZero();

        HttpResponse<String> dry = importCsv("api/devices/import?dryRun=true", DEVICE_HEADER, lines);
        assertThat(ApiClient.json(dry).getInt("rows")).isEqualTo(10_000);
        assertThat(ApiClient.json(dry).getInt("created")).isZero();
        assertThat(total("api/devices?text=" + run))
                .as("a dry run changes nothing")
                .isZero();

        long started = System.nanoTime();
        HttpResponse<String> imported = importCsv("api/devices/import", DEVICE_HEADER, lines);
        System.out.printf("ImportExportIT: 10,000 devices imported in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(ApiClient.json(imported).getInt("created")).isEqualTo(10_000);
        assertThat(total("api/devices?text=" + run)).isEqualTo(10_000);
        assertThat(total("api/devices?text=" + run + "&ownerId=" + ownerId)).isEqualTo(5_000);

        // Monitoring knows them: the last one's limit of 1 kWh is passed by an hour of 4. Its replica learns the
        // devices from their events, one transaction each: 10,000 take a while.
        String last = ApiClient.jsonArray(api.call("GET", "api/devices?text=" + run + "-10000", admin, null))
                .getJsonObject(0)
                .getString("id");
        ems.sendReadings(
                RunningEms.reading(UUID.fromString(last), "2026-04-01T10:00:00Z", "0"),
                RunningEms.reading(UUID.fromString(last), "2026-04-01T10:50:00Z", "4"));
        await().atMost(Duration.ofMinutes(5))
                .until(() -> !ApiClient.jsonArray(api.call("GET", "api/alerts?deviceId=" + last, admin, null))
                        .isEmpty());
        System.out.printf(
                "ImportExportIT: monitoring alerted the last of them %.1f s after the import began%n",
                (System.nanoTime() - started) / 1e9);
    }

    @Test
    void anExportImportsAgainAsTheSameDevicesAndUsers() throws Exception {
        String run = "exp" + UUID.randomUUID().toString().substring(0, 6);
        List<String> users = List.of(
                run + "-a,\"Ana, \"\"the\"\" first\",CLIENT,Europe/Bucharest," + run + "-a@example.com",
                run + "-b,Bo,ADMIN,,");
        String userHeader = "username,name,role,timeZone,email";
        assertThat(ApiClient.json(importCsv("api/users/import", userHeader, users))
                        .getInt("created"))
                .isEqualTo(2);
        List<String> devices =
                List.of(run + "-1,\"a, b\",\"line 1\nline 2\",1.5," + run + "-a,,", run + "-2,,,0.25,,UTC,");
        assertThat(ApiClient.json(importCsv("api/devices/import", DEVICE_HEADER, devices))
                        .getInt("created"))
                .isEqualTo(2);

        assertThat(records(api.call("GET", "api/users.csv", admin, null), run))
                .containsExactly(
                        List.of(run + "-a", "Ana, \"the\" first", "CLIENT", "Europe/Bucharest", run + "-a@example.com"),
                        List.of(run + "-b", "Bo", "ADMIN", "UTC", ""));
        HttpResponse<String> export = api.call("GET", "api/devices.csv", admin, null);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<List<String>> exported = records(export, run);
        assertThat(exported)
                .containsExactly(
                        List.of(run + "-1", "a, b", "line 1\nline 2", "1.500", run + "-a", "Europe/Bucharest", ""),
                        List.of(run + "-2", "", "", "0.250", "", "UTC", ""));

        // Imported again, the export's rows make devices whose rows are the same.
        assertThat(ApiClient.json(importCsv("api/devices/import", DEVICE_HEADER, csvLines(exported)))
                        .getInt("created"))
                .isEqualTo(2);
        List<List<String>> twice = new ArrayList<>(exported);
        twice.addAll(exported);
        assertThat(records(api.call("GET", "api/devices.csv", admin, null), run))
                .containsExactlyElementsOf(twice);

        HttpResponse<String> taken = importCsv("api/users/import", userHeader, users);
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("is taken");
        HttpResponse<String> short_ = importCsv("api/users/import", userHeader, List.of("x,y"));
        assertThat(short_.statusCode()).isEqualTo(422);
        assertThat(short_.body()).contains("a row must have 5 cells, not 2");
        assertThat(importCsv("api/users/import", "user,name", List.of("x,y")).statusCode())
                .as("another header")
                .isEqualTo(400);
        String client = api.newClient(admin, run + "-client");
        assertThat(api.call("POST", "api/devices/import", client, DEVICE_HEADER + "\n", "text/csv")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.call("GET", "api/devices.csv", client, null).statusCode())
                .isEqualTo(403);
    }

    /**
     * Posts a file on a connection of its own: Payara may close a kept-alive HTTP/2 connection as a large body is sent
     * on it ("EOF reached while reading"), which a client of an import (not idempotent) must not retry blindly.
     */
    private HttpResponse<String> importCsv(String path, String header, List<String> lines) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(api.url(path))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        header + "\n" + String.join("\n", lines) + "\n"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The records of a CSV export whose first cell starts with {@code run}, read as RFC 4180. */
    private static List<List<String>> records(HttpResponse<String> csv, String run) throws Exception {
        assertThat(csv.statusCode()).isEqualTo(200);
        List<List<String>> records = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv.body()))) {
            if (record.get(0).startsWith(run)) {
                records.add(record.toList());
            }
        }
        return records;
    }

    private static List<String> csvLines(List<List<String>> records) throws Exception {
        List<String> lines = new ArrayList<>();
        for (List<String> record : records) {
            StringWriter line = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(
                    line, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
                printer.printRecord(record);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private long total(String list) throws Exception {
        return Long.parseLong(api.call("GET", list + "&size=1", admin, null)
                .headers()
                .firstValue("X-Total-Count")
                .orElseThrow());
    }
}
