package org.ems.simulator.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./ems bench retention}: what keeping raw readings by month costs and saves, on the database of a running
 * EMS. Two past months get the same number of readings (a month of 10-minute readings of many meters), written
 * while the months have no partition (as readings arriving late wait in the default partition); then it times making
 * each month's partition (the rows move in: the work of the migration that partitioned the table), removing one month
 * as the retention does (dropping its partition) and the other as a plain {@code DELETE} would.
 */
@Command(
        name = "ems bench retention",
        mixinStandardHelpOptions = true,
        description = "Benchmark of removing a month of readings: dropping its partition against deleting them.")
public final class RetentionBench implements Callable<Integer> {

    @Mixin
    BenchTarget target;

    @Option(
            names = "--readings",
            defaultValue = "10000000",
            description = "readings in each month (default: 10 million)")
    int readings;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RetentionBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (BenchTarget started = target) {
            started.start();
            try (Connection db = target.database();
                    Statement s = db.createStatement()) {
                measure(db, s);
            }
        }
        return 0;
    }

    private void measure(Connection db, Statement s) throws SQLException {
        YearMonth dropped = YearMonth.now(ZoneOffset.UTC).minusYears(3);
        YearMonth deleted = dropped.plusMonths(1);
        // meters with a reading every 10 minutes, as many as it takes to fill a month with this many readings
        int meters = Math.max(1, readings / (31 * 144));
        System.out.printf(
                "%,d readings in each of %s and %s (%,d meters, every 10 minutes)%n",
                readings, dropped, deleted, meters);
        for (YearMonth month : new YearMonth[] {dropped, deleted}) {
            // in one transaction that holds the months' lock: EMS's own upkeep waits, and finds the month made
            db.setAutoCommit(false);
            s.execute("select monitoring.lock_reading_months()");
            time(
                    "write them (into the default partition)",
                    s,
                    "insert into monitoring.meter_reading (device_id,"
                            + " reading_time, kwh) select md5('meter' || m)::uuid, '" + start(month) + "'::timestamptz"
                            + " + make_interval(mins => 10 * n), n * 0.01 from generate_series(0, " + (meters - 1)
                            + ") m,"
                            + " generate_series(0, " + (readings / meters - 1) + ") n");
            time("make the month (the rows move in)", s, "select monitoring.reading_month('" + start(month) + "')");
            db.commit();
            db.setAutoCommit(true);
        }
        System.out.printf("size of one month with its index: %s%n", size(s, partition(dropped)));
        time(
                "remove " + dropped + " by the retention (drop the month)",
                s,
                "select monitoring.remove_readings_before('" + start(dropped.plusMonths(1)) + "')");
        time(
                "remove " + deleted + " by DELETE",
                s,
                "delete from monitoring.meter_reading where reading_time >= '" + start(deleted)
                        + "' and reading_time < '" + start(deleted.plusMonths(1)) + "'");
        System.out.printf("after DELETE the month's table still takes %s%n", size(s, partition(deleted)));
        time("VACUUM after the DELETE", s, "vacuum " + partition(deleted));
        System.out.printf(
                "after VACUUM it takes %s (free for new rows of that month; VACUUM FULL gives it back)%n",
                size(s, partition(deleted)));
    }

    /** The month's first instant in UTC, as the readings' month functions take it. */
    static String start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private static String partition(YearMonth month) {
        return String.format("monitoring.meter_reading_%d_%02d", month.getYear(), month.getMonthValue());
    }

    private static String size(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select pg_size_pretty(pg_total_relation_size('" + table + "'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void time(String what, Statement s, String sql) throws SQLException {
        Instant start = Instant.now();
        s.execute(sql);
        System.out.printf(
                "  %-50s %8.1f s%n",
                what, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }
}
