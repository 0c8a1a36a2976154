package org.ems.simulator.faults;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ems.simulator.client.EmsClient;

/**
 * The fault run's reconciliation: EMS's books against the meters' ledger, computed here independently of EMS's engine
 * (the fault run's devices are in zones at UTC+0 all year, so clock hours are UTC hours). Every device-hour's total
 * must equal the ledger's to 1e-6 kWh and count the same readings (none lost, none twice); exactly one standing alert
 * for each hour over the device's limit and none for any other; the dead-letter queue holds every malformed message
 * and nothing else.
 */
public final class Books {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

    /** Exact enough that a total equal to a limit is not taken for one above it (EMS keeps quarters to 1e-18). */
    private static final MathContext EXACT = MathContext.DECIMAL128;

    /** The outcome: what was compared, and every mismatch found. */
    record Result(String summary, List<String> mismatches) {
        boolean ok() {
            return mismatches.isEmpty();
        }
    }

    private Books() {}

    /**
     * @param limits each device's limit for the ledger's hours (the first one: limits changed during the run apply
     *     from the change on, and the ledger's meter time is long past)
     */
    static Result check(
            EmsClient ems,
            String token,
            Map<UUID, BigDecimal> limits,
            Map<UUID, NavigableMap<Instant, BigDecimal>> ledger,
            Set<String> malformed,
            List<String> deadLetters)
            throws IOException, InterruptedException {
        List<String> mismatches = new ArrayList<>();
        long readings = 0;
        long hours = 0;
        long alerts = 0;
        for (Map.Entry<UUID, NavigableMap<Instant, BigDecimal>> device : ledger.entrySet()) {
            UUID id = device.getKey();
            NavigableMap<Instant, BigDecimal> register = device.getValue();
            if (register.isEmpty()) {
                continue;
            }
            readings += register.size();
            NavigableMap<Instant, Hour> expected = expected(register);
            Map<Instant, Hour> stored = stored(ems, token, id, register.firstKey(), register.lastKey());
            for (Map.Entry<Instant, Hour> hour : expected.entrySet()) {
                hours++;
                Hour is = stored.getOrDefault(hour.getKey(), new Hour());
                Hour want = hour.getValue();
                if (is.kwh.subtract(want.kwh).abs().compareTo(TOLERANCE) > 0 || is.readings != want.readings) {
                    mismatches.add(String.format(
                            "device %s hour %s: EMS %s kWh of %d readings, ledger %s kWh of %d",
                            id, hour.getKey(), is.kwh, is.readings, rounded(want.kwh), want.readings));
                }
            }
            Map<Instant, Integer> standing = standingAlerts(ems, token, id);
            alerts += standing.size();
            BigDecimal limit = limits.get(id);
            for (Map.Entry<Instant, Hour> hour : expected.entrySet()) {
                int count = standing.getOrDefault(hour.getKey(), 0);
                boolean over = hour.getValue().kwh.compareTo(limit) > 0;
                if (count != (over ? 1 : 0)) {
                    mismatches.add(String.format(
                            "device %s hour %s: %s kWh against a limit of %s, %d standing alert(s)",
                            id, hour.getKey(), rounded(hour.getValue().kwh), limit, count));
                }
            }
            standing.keySet().stream()
                    .filter(h -> !expected.containsKey(h))
                    .forEach(h -> mismatches.add("device " + id + ": a standing alert for hour " + h
                            + ", which has no readings in the ledger"));
        }
        Set<String> dead = new HashSet<>(deadLetters);
        malformed.stream()
                .filter(m -> !dead.contains(m))
                .forEach(m -> mismatches.add("malformed message not dead-lettered: " + m));
        dead.stream()
                .filter(d -> !malformed.contains(d))
                .forEach(d -> mismatches.add("dead-lettered but not malformed: " + d));
        return new Result(
                String.format(
                        "%,d readings of %d devices in %,d device-hours, %,d standing alerts, %,d dead letters",
                        readings, ledger.size(), hours, alerts, deadLetters.size()),
                mismatches);
    }

    /** A clock hour's total and how many readings fall in it. */
    private static final class Hour {
        BigDecimal kwh = BigDecimal.ZERO;
        int readings;
    }

    private static BigDecimal rounded(BigDecimal kwh) {
        return kwh.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    /** The ledger's hours: each interval's energy spread evenly over the time it spans (a register that went down: 0). */
    static NavigableMap<Instant, Hour> expected(NavigableMap<Instant, BigDecimal> register) {
        NavigableMap<Instant, Hour> hours = new TreeMap<>();
        Map.Entry<Instant, BigDecimal> previous = null;
        for (Map.Entry<Instant, BigDecimal> reading : register.entrySet()) {
            Instant at = reading.getKey();
            hours.computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), h -> new Hour()).readings++;
            if (previous != null) {
                BigDecimal energy =
                        reading.getValue().subtract(previous.getValue()).max(BigDecimal.ZERO);
                BigDecimal span = BigDecimal.valueOf(
                        Duration.between(previous.getKey(), at).toNanos());
                for (Instant hour = previous.getKey().truncatedTo(ChronoUnit.HOURS);
                        hour.isBefore(at);
                        hour = hour.plus(1, ChronoUnit.HOURS)) {
                    Instant from = max(hour, previous.getKey());
                    Instant to = min(hour.plus(1, ChronoUnit.HOURS), at);
                    Hour total = hours.computeIfAbsent(hour, h -> new Hour());
                    total.kwh = total.kwh.add(energy.multiply(BigDecimal.valueOf(
                                    Duration.between(from, to).toNanos()))
                            .divide(span, EXACT));
                }
            }
            previous = reading;
        }
        return hours;
    }

    /** EMS's hours of the device over the ledger's days, from its CSV export. */
    private static Map<Instant, Hour> stored(EmsClient ems, String token, UUID device, Instant first, Instant last)
            throws IOException, InterruptedException {
        LocalDate from = LocalDate.ofInstant(first, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(last, ZoneOffset.UTC);
        String csv = get(ems, token, "api/devices/" + device + "/consumption.csv?from=" + from + "&to=" + to);
        Map<Instant, Hour> hours = new HashMap<>();
        for (String row : csv.split("\r?\n")) {
            if (row.isBlank() || row.startsWith("start,")) {
                continue;
            }
            String[] cells = row.split(",", -1);
            Hour hour = new Hour();
            hour.kwh = new BigDecimal(cells[1]);
            hour.readings = Integer.parseInt(cells[2]);
            hours.put(OffsetDateTime.parse(cells[0]).toInstant(), hour);
        }
        return hours;
    }

    /** The device's standing (not withdrawn) alerts, counted by hour. */
    private static Map<Instant, Integer> standingAlerts(EmsClient ems, String token, UUID device)
            throws IOException, InterruptedException {
        Map<Instant, Integer> standing = new HashMap<>();
        String body = get(ems, token, "api/alerts?kind=OVER_LIMIT&deviceId=" + device);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            for (JsonValue value : reader.readArray()) {
                JsonObject alert = value.asJsonObject();
                JsonValue withdrawn = alert.get("withdrawnAt");
                if (withdrawn == null || withdrawn.getValueType() == JsonValue.ValueType.NULL) {
                    standing.merge(
                            OffsetDateTime.parse(alert.getString("hourStart")).toInstant(), 1, Integer::sum);
                }
            }
        }
        return standing;
    }

    private static String get(EmsClient ems, String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = ems.send(HttpRequest.newBuilder(ems.ems.resolve(path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)));
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
