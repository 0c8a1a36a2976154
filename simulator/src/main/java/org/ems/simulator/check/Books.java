package org.ems.simulator.check;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ems.simulator.client.EmsClient;

/**
 * EMS's books against a ledger of what meters sent, computed here independently of EMS's engine: every device-hour
 * (clock hours of the device's zone) must equal the ledger's to 1e-6 kWh and count the same readings (none lost, none
 * twice); exactly one standing OVER_LIMIT alert for each hour over the device's limit and none for any other; the
 * dead-letter queue holds every malformed message and nothing else. The one checker of the fault run and of
 * {@code ./ems simulate --check}.
 */
public final class Books {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

    /** Exact enough that a total equal to a limit is not taken for one above it (EMS keeps quarters to 1e-18). */
    private static final MathContext EXACT = MathContext.DECIMAL128;

    /** A device as EMS knows it: what its hours are checked against. */
    public record Device(String name, ZoneId zone, BigDecimal limit) {}

    /** One device's line of the table. */
    public record Row(
            UUID id, String name, int hours, int exact, int alertsExpected, int alertsFound, int alertsExtra) {}

    /** The outcome: what was compared, per device, and every mismatch found (each naming device and hour). */
    public record Result(List<Row> rows, int deadLettersExpected, int deadLettersFound, List<String> mismatches) {
        public boolean ok() {
            return mismatches.isEmpty();
        }

        public String summary() {
            return String.format(
                    "%,d devices, %,d device-hours (%,d exact), %,d of %,d expected alerts found, %,d extra,"
                            + " %,d of %,d dead letters",
                    rows.size(),
                    rows.stream().mapToInt(Row::hours).sum(),
                    rows.stream().mapToInt(Row::exact).sum(),
                    rows.stream().mapToInt(Row::alertsFound).sum(),
                    rows.stream().mapToInt(Row::alertsExpected).sum(),
                    rows.stream().mapToInt(Row::alertsExtra).sum(),
                    deadLettersFound,
                    deadLettersExpected);
        }

        /** The table: one row per device, then the dead letters and every difference. */
        public void print(PrintStream out) {
            out.printf(
                    "%-36s  %-24s %7s %7s %9s %7s %7s%n",
                    "device", "name", "hours", "exact", "alerts", "found", "extra");
            for (Row row : rows) {
                out.printf(
                        "%-36s  %-24.24s %7d %7d %9d %7d %7d%n",
                        row.id(),
                        row.name(),
                        row.hours(),
                        row.exact(),
                        row.alertsExpected(),
                        row.alertsFound(),
                        row.alertsExtra());
            }
            out.printf("dead letters: %d expected, %d found%n", deadLettersExpected, deadLettersFound);
            mismatches.forEach(m -> out.println("DIFFERENCE " + m));
            out.println((ok() ? "OK: " : mismatches.size() + " DIFFERENCES: ") + summary());
        }
    }

    private Books() {}

    /**
     * @param devices each device of the ledger as EMS knows it (limits changed during a run apply from the change on,
     *     and the ledger's meter time is long past: the first one counts)
     * @param deadLetters the dead-letter queue's bodies, or null when they cannot be read (then not compared)
     */
    public static Result check(
            EmsClient ems,
            String token,
            Map<UUID, Device> devices,
            Map<UUID, NavigableMap<Instant, BigDecimal>> ledger,
            Set<String> malformed,
            List<String> deadLetters)
            throws IOException, InterruptedException {
        List<String> mismatches = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<UUID, NavigableMap<Instant, BigDecimal>> entry : ledger.entrySet()) {
            UUID id = entry.getKey();
            NavigableMap<Instant, BigDecimal> register = entry.getValue();
            Device device = devices.get(id);
            if (register.isEmpty()) {
                continue;
            }
            if (device == null) {
                mismatches.add("device " + id + ": in the ledger, unknown to EMS");
                continue;
            }
            NavigableMap<Instant, Hour> expected = expected(register, device.zone());
            Map<Instant, Hour> stored =
                    EmsRecords.hours(ems, token, id, device.zone(), register.firstKey(), register.lastKey());
            int exact = 0;
            for (Map.Entry<Instant, Hour> hour : expected.entrySet()) {
                Hour is = stored.getOrDefault(hour.getKey(), new Hour());
                Hour want = hour.getValue();
                if (is.kwh.subtract(want.kwh).abs().compareTo(TOLERANCE) > 0 || is.readings != want.readings) {
                    mismatches.add(String.format(
                            "device %s (%s) hour %s: EMS %s kWh of %d readings, ledger %s kWh of %d",
                            id,
                            device.name(),
                            start(hour.getKey(), device.zone()),
                            is.kwh,
                            is.readings,
                            rounded(want.kwh),
                            want.readings));
                } else {
                    exact++;
                }
            }
            Map<Instant, Integer> standing = EmsRecords.standingAlerts(ems, token, id);
            int alertsExpected = 0;
            int alertsFound = 0;
            for (Map.Entry<Instant, Hour> hour : expected.entrySet()) {
                int count = standing.getOrDefault(hour.getKey(), 0);
                boolean over = hour.getValue().kwh.compareTo(device.limit()) > 0;
                alertsExpected += over ? 1 : 0;
                alertsFound += over && count > 0 ? 1 : 0;
                if (count != (over ? 1 : 0)) {
                    mismatches.add(String.format(
                            "device %s (%s) hour %s: %s kWh against a limit of %s, %d standing alert(s)",
                            id,
                            device.name(),
                            start(hour.getKey(), device.zone()),
                            rounded(hour.getValue().kwh),
                            device.limit(),
                            count));
                }
            }
            List<Instant> extra = standing.keySet().stream()
                    .filter(h -> !expected.containsKey(h))
                    .sorted()
                    .toList();
            extra.forEach(h -> mismatches.add("device " + id + " (" + device.name() + "): a standing alert for hour "
                    + start(h, device.zone()) + ", which has no readings in the ledger"));
            rows.add(new Row(id, device.name(), expected.size(), exact, alertsExpected, alertsFound, extra.size()));
        }
        int found = 0;
        if (deadLetters != null) {
            Set<String> dead = new HashSet<>(deadLetters);
            malformed.stream()
                    .filter(m -> !dead.contains(m))
                    .forEach(m -> mismatches.add("malformed message not dead-lettered: " + m));
            dead.stream()
                    .filter(d -> !malformed.contains(d))
                    .forEach(d -> mismatches.add("dead-lettered but not malformed: " + d));
            found = (int) malformed.stream().filter(dead::contains).count();
        }
        return new Result(rows, malformed.size(), found, mismatches);
    }

    /** An hour's start as EMS's API writes it: in the device's zone, with its offset. */
    private static String start(Instant hour, ZoneId zone) {
        return OffsetDateTime.ofInstant(hour, zone).toString();
    }

    /** A clock hour's total and how many readings fall in it. */
    static final class Hour {
        BigDecimal kwh = BigDecimal.ZERO;
        int readings;
    }

    private static BigDecimal rounded(BigDecimal kwh) {
        return kwh.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    /**
     * The ledger's hours, by their start in the device's zone: each interval's energy spread evenly over the time it
     * spans (a register that went down: 0).
     */
    static NavigableMap<Instant, Hour> expected(NavigableMap<Instant, BigDecimal> register, ZoneId zone) {
        NavigableMap<Instant, Hour> hours = new TreeMap<>();
        Map.Entry<Instant, BigDecimal> previous = null;
        for (Map.Entry<Instant, BigDecimal> reading : register.entrySet()) {
            Instant at = reading.getKey();
            hours.computeIfAbsent(hourOf(at, zone), h -> new Hour()).readings++;
            if (previous != null) {
                BigDecimal energy =
                        reading.getValue().subtract(previous.getValue()).max(BigDecimal.ZERO);
                BigDecimal span = BigDecimal.valueOf(
                        Duration.between(previous.getKey(), at).toNanos());
                for (Instant hour = hourOf(previous.getKey(), zone);
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

    /** The start of the zone's clock hour that holds {@code at} (at :30 UTC in a zone like Asia/Kolkata). */
    private static Instant hourOf(Instant at, ZoneId zone) {
        return ZonedDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
