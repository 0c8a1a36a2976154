package org.ems.simulator.check;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.ems.simulator.client.EmsClient;

/** What EMS's API says of a device, as the checker compares it: its hours and its standing alerts. */
final class EmsRecords {

    private EmsRecords() {}

    /** EMS's hours of the device over the ledger's local days, from its CSV export. */
    static Map<Instant, Books.Hour> hours(
            EmsClient ems, String token, UUID device, ZoneId zone, Instant first, Instant last)
            throws IOException, InterruptedException {
        LocalDate from = LocalDate.ofInstant(first, zone);
        LocalDate to = LocalDate.ofInstant(last, zone);
        String csv = get(ems, token, "api/devices/" + device + "/consumption.csv?from=" + from + "&to=" + to);
        Map<Instant, Books.Hour> hours = new HashMap<>();
        for (String row : csv.split("\r?\n")) {
            if (row.isBlank() || row.startsWith("start,")) {
                continue;
            }
            String[] cells = row.split(",", -1);
            Books.Hour hour = new Books.Hour();
            hour.kwh = new BigDecimal(cells[1]);
            hour.readings = Integer.parseInt(cells[2]);
            hours.put(OffsetDateTime.parse(cells[0]).toInstant(), hour);
        }
        return hours;
    }

    /**
     * The device's standing (not withdrawn) alerts, counted by hour: every page of its list, oldest first (an alert
     * raised meanwhile comes after the pages read, never shifting one into two of them).
     */
    static Map<Instant, Integer> standingAlerts(EmsClient ems, String token, UUID device)
            throws IOException, InterruptedException {
        Map<Instant, Integer> standing = new HashMap<>();
        for (JsonObject alert :
                ems.list(token, "api/alerts?kind=OVER_LIMIT&sort=created&size=500&deviceId=" + device)) {
            JsonValue withdrawn = alert.get("withdrawnAt");
            if (withdrawn == null || withdrawn.getValueType() == JsonValue.ValueType.NULL) {
                standing.merge(
                        OffsetDateTime.parse(alert.getString("hourStart")).toInstant(), 1, Integer::sum);
            }
        }
        return standing;
    }

    static String get(EmsClient ems, String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = ems.send(HttpRequest.newBuilder(ems.ems.resolve(path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)));
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
