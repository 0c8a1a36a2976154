package org.ems.simulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.client.LaunchedEms;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./ems bench backup}: a running EMS gets a year of 10-minute readings of 100 devices and their quarter-hour
 * totals (written straight into its database, as ingestion would have left them), then {@code ems backup} takes it
 * while it runs and {@code ems restore} fills a new home from the archive; it prints both times and the archive's size.
 */
@Command(
        name = "ems bench backup",
        mixinStandardHelpOptions = true,
        description = "Benchmark of ems backup (while running) and ems restore with a year of readings.")
public final class BackupBench implements Callable<Integer> {

    @Mixin
    BenchTarget target;

    @Option(names = "--devices", defaultValue = "100", description = "devices (default: ${DEFAULT-VALUE})")
    int devices;

    @Option(names = "--days", defaultValue = "365", description = "days of 10-minute readings (default: a year)")
    int days;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BackupBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (BenchTarget started = target) {
            started.start();
            fill();
            Path archive = target.home.resolveSibling(target.home.getFileName() + ".zip");
            Path restored = Files.createTempDirectory(target.home.getParent(), "ems-bench-restored-");
            try {
                Map<String, String> running =
                        Map.of("EMS_HOME", target.home.toString(), "EMS_DB_PORT", Integer.toString(target.ports.db()));
                time("ems backup, EMS running", List.of("backup", archive.toString()), running);
                System.out.printf("  archive: %,d bytes%n", Files.size(archive));
                Map<String, String> fresh = Map.of(
                        "EMS_HOME", restored.toString(), "EMS_DB_PORT", Integer.toString(LaunchedEms.freePort()));
                time("ems restore into an empty home", List.of("restore", archive.toString()), fresh);
            } finally {
                Files.deleteIfExists(archive);
                EmsHome.deleteTree(restored);
            }
        }
        return 0;
    }

    /** The readings and quarter totals, in one transaction that holds the months' lock (the upkeep waits). */
    private void fill() throws Exception {
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant start = end.minus(Duration.ofDays(days));
        System.out.printf(
                "%d devices, a reading every 10 minutes from %s to %s: %,d readings, %,d quarter totals%n",
                devices, start, end, devices * days * 144L, devices * days * 96L);
        try (Connection db = target.database();
                Statement s = db.createStatement()) {
            db.setAutoCommit(false);
            s.execute("select monitoring.lock_reading_months()");
            s.execute("select monitoring.reading_month(m) from generate_series(date_trunc('month', '" + start
                    + "'::timestamptz, 'UTC'), '" + end + "', interval '1 month') m");
            Instant began = Instant.now();
            s.execute(
                    "insert into monitoring.meter_reading (device_id, reading_time, kwh) select md5('bench' || d)::uuid,"
                            + " t, extract(epoch from t - '" + start + "') / 3600 * 0.3 from generate_series(1, "
                            + devices
                            + ") d, generate_series('" + start + "'::timestamptz, '" + end
                            + "', interval '10 minutes') t");
            s.execute(
                    "insert into monitoring.quarter_total (device_id, quarter_start, kwh, readings, resets, estimates)"
                            + " select md5('bench' || d)::uuid, q, 0.075, 1, 0, 0 from generate_series(1, " + devices
                            + ") d,"
                            + " generate_series('" + start + "'::timestamptz, '" + end + "', interval '15 minutes') q");
            db.commit();
            System.out.printf(
                    "  written in %.1f s%n",
                    Duration.between(began, Instant.now()).toMillis() / 1000.0);
        }
    }

    /** Runs the distribution's {@code bin/ems} with these arguments and variables, and prints how long it took. */
    private void time(String what, List<String> arguments, Map<String, String> env)
            throws IOException, InterruptedException {
        // bash: in target/ems (a build, not an unpacked archive) bin/ems is not marked executable
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", target.dist.resolve("bin/ems").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        Instant began = Instant.now();
        int exit = builder.start().waitFor();
        System.out.printf(
                "%-34s %8.1f s%s%n",
                what,
                Duration.between(began, Instant.now()).toMillis() / 1000.0,
                exit == 0 ? "" : " (exit " + exit + ")");
    }
}
