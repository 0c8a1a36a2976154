package org.ems.simulator.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ems.simulator.meter.LoadRun;

/**
 * The bench's months of readings, made before it starts; and {@code ./ems bench ingest --stored-readings N}, which fills
 * the readings table of the EMS under test by SQL (not through the broker) with N readings of meters that are not the
 * bench's, one a minute from the bench's meter time on, so that the months its batches go into already hold them
 * (analyzed after, as autovacuum would), and measures the batch phase again.
 */
final class StoredReadings {

    /** A meter's readings, one a minute: 100,000 of them are the 69 days the batch phase's meters cover by default. */
    private static final long PER_METER = 100_000;

    /** Meters a statement fills: a million readings a transaction, with progress between them. */
    private static final long METERS_A_STATEMENT = 10;

    private StoredReadings() {}

    /**
     * Fills {@code stored} readings, then runs the batch phase again on {@code meters}: its line of the bench's table,
     * with its rate against the one {@code before}.
     */
    static String batchesOver(
            long stored,
            BenchTarget target,
            ThroughputPhase phase,
            List<UUID> meters,
            long perDevice,
            int seconds,
            LoadRun.LinkFactory links,
            ThroughputPhase.Rates before)
            throws Exception {
        fill(target, stored, IngestBench.METER_START);
        ThroughputPhase.Rates over = phase.run(
                String.format("batches of one meter's 100 readings over jms, %,d readings stored", stored),
                meters,
                perDevice,
                100,
                seconds,
                links);
        return String.format(
                "%-9s %40s %52s (%.2f of the rate before)%n",
                "jms", String.format("%,d stored:", stored), over, over.endToEnd() / before.endToEnd());
    }

    private static void fill(BenchTarget target, long readings, Instant from) throws Exception {
        long meters = Math.max(1, readings / PER_METER);
        long perMeter = readings / meters;
        Instant to = from.plus(Duration.ofMinutes(perMeter));
        System.out.printf(
                "%nfilling the readings table by SQL: %,d readings of %,d other meters, one a minute from %s to %s%n",
                meters * perMeter, meters, from, to);
        Instant start = Instant.now();
        makeMonths(target, from, to);
        try (Connection db = target.database();
                Statement s = db.createStatement()) {
            for (long first = 0; first < meters; first += METERS_A_STATEMENT) {
                s.execute(
                        "insert into monitoring.meter_reading (device_id, reading_time, kwh) select md5('stored meter '"
                                + " || m)::uuid, '" + from + "'::timestamptz + make_interval(mins => n), n * 0.001"
                                + " from generate_series(" + first + ", "
                                + (Math.min(meters, first + METERS_A_STATEMENT) - 1)
                                + ") m, generate_series(0, " + (perMeter - 1) + ") n");
                if ((first / METERS_A_STATEMENT) % 10 == 9) {
                    System.out.printf(
                            "  %,d readings after %d s%n",
                            Math.min(meters, first + METERS_A_STATEMENT) * perMeter,
                            Duration.between(start, Instant.now()).toSeconds());
                }
            }
            s.execute("vacuum analyze monitoring.meter_reading");
            System.out.printf(
                    "  filled, vacuumed and analyzed in %d s: %s with its indexes%n",
                    Duration.between(start, Instant.now()).toSeconds(), size(s));
        }
    }

    /**
     * Makes the months from {@code from} to {@code to} (UTC) as EMS's upkeep makes the coming ones: readings of the
     * bench's meter time go into their month, as the current month's do, not into the default partition.
     */
    static void makeMonths(BenchTarget target, Instant from, Instant to) throws SQLException, java.io.IOException {
        try (Connection db = target.database();
                Statement s = db.createStatement()) {
            YearMonth last = YearMonth.from(to.atZone(ZoneOffset.UTC));
            for (YearMonth m = YearMonth.from(from.atZone(ZoneOffset.UTC)); !m.isAfter(last); m = m.plusMonths(1)) {
                s.execute("select monitoring.reading_month('" + RetentionBench.start(m) + "')");
            }
        }
    }

    private static String size(Statement s) throws SQLException {
        try (var rs = s.executeQuery("select pg_size_pretty(sum(pg_total_relation_size(inhrelid)))"
                + " from pg_inherits where inhparent = 'monitoring.meter_reading'::regclass")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
