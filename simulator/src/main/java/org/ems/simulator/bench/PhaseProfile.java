package org.ems.simulator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.ems.simulator.client.EmsProcesses;

/**
 * {@code ./ems bench ingest --profile DIR}: during a throughput phase, a JFR recording of every EMS JVM (kept in DIR)
 * and the database's statement statistics; after it, where a message's time goes: each process's CPU per message,
 * split by what the JVMs' samples were running (a JDK frame counts for the library that called it), the steps of
 * EMS's own path, journal syncs ({@code jdk.FileForce}), statements and transactions per message.
 */
final class PhaseProfile {

    /** The step of a stack, by its first non-JDK frame's class. */
    private static final Map<String, String> AREAS = areas();

    /** The key of the database's transactions among the statements' figures. */
    private static final String TRANSACTIONS = "(transactions)";

    /** EMS's path through a message, each counted when a sample's stack holds it. */
    private static final List<String> STEPS = List.of(
            "MeterReadingConsumer.onMessage",
            "MeterReadingCodec.decode",
            "GroupCommit.apply",
            "ReadingIngestion.apply",
            "JdbcReadingRepository.",
            "Bookkeeping.book",
            "IngestionMetrics.");

    private final BenchTarget target;
    private final Path dir;
    private final Path settings;
    private final Map<String, List<ProcessHandle>> jvms = new LinkedHashMap<>();
    private Map<String, double[]> statements;
    private String phase;

    PhaseProfile(BenchTarget target, Path dir) throws IOException {
        this.target = target;
        this.dir = Files.createDirectories(dir);
        // JFR's profile settings, with every journal sync recorded (the default records those over 10 ms)
        String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
        settings = dir.resolve("ems-profile.jfc");
        Files.writeString(
                settings,
                profile.replaceFirst(
                        "(?s)(?<head><event name=\"jdk.FileForce\">(?:(?!</event>).)*?<setting name=\"threshold\"[^>]*>)"
                                + "[^<]*",
                        "${head}0 ms"));
    }

    void start(String name) throws IOException, InterruptedException, SQLException {
        phase = name.replaceAll("[^A-Za-z0-9]+", "-");
        jvms.clear();
        EmsProcesses.of(target.home)
                .forEach((group, processes) -> jvms.put(
                        group,
                        processes.stream()
                                .filter(p -> p.info().command().orElse("").endsWith("/java"))
                                .toList()));
        for (List<ProcessHandle> processes : jvms.values()) {
            for (ProcessHandle p : processes) {
                jcmd(p, "JFR.start", "name=ems-bench", "settings=" + settings, "filename=" + recording(p));
            }
        }
        statements = statements();
    }

    /** Prints the profile of the phase started last: {@code messages} of it, {@code cpu} of each process group. */
    void stop(long messages, Map<String, Duration> cpu) throws IOException, InterruptedException, SQLException {
        Map<String, double[]> after = statements();
        for (List<ProcessHandle> processes : jvms.values()) {
            for (ProcessHandle p : processes) {
                jcmd(p, "JFR.stop", "name=ems-bench");
            }
        }
        System.out.printf("  profile of %,d messages (recordings in %s), CPU per message:%n", messages, dir);
        cpu.forEach((group, used) ->
                System.out.printf("    %-13s %.3f ms%n", group, used.toNanos() / 1e6 / Math.max(1, messages)));
        for (Map.Entry<String, List<ProcessHandle>> group : jvms.entrySet()) {
            for (ProcessHandle p : group.getValue()) {
                samples(group.getKey(), recording(p), cpu.getOrDefault(group.getKey(), Duration.ZERO), messages);
            }
        }
        print(statements, after, messages);
    }

    private void samples(String group, Path file, Duration cpu, long messages) throws IOException {
        Map<String, Integer> byArea = new HashMap<>();
        Map<String, Integer> bySteps = new LinkedHashMap<>();
        int samples = 0;
        int syncs = 0;
        Duration syncing = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.FileForce")) {
                syncs++;
                syncing = syncing.plus(event.getDuration());
            } else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                byArea.merge(area(frames), 1, Integer::sum);
                for (String step : STEPS) {
                    if (frames.stream().anyMatch(f -> name(f).contains(step))) {
                        bySteps.merge(step, 1, Integer::sum);
                    }
                }
            }
        }
        double perSample = samples == 0 ? 0 : cpu.toNanos() / 1e6 / messages / samples;
        StringBuilder line = new StringBuilder(String.format("    %s, %,d samples: ", group, samples));
        byArea.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> line.append(String.format("%s %.3f ms; ", e.getKey(), e.getValue() * perSample)));
        System.out.println(line);
        if (!bySteps.isEmpty()) {
            StringBuilder steps = new StringBuilder("      EMS's steps (inclusive): ");
            bySteps.forEach((step, n) -> steps.append(String.format("%s %.3f ms; ", step, n * perSample)));
            System.out.println(steps);
        }
        if (syncs > 0) {
            System.out.printf(
                    "      file syncs: %,d, %.3f per message, %.2f ms each%n",
                    syncs, (double) syncs / messages, syncing.toNanos() / 1e6 / syncs);
        }
    }

    /** Calls and total time (ms) of each statement EMS ran (by its text), and the database's transactions, so far. */
    private Map<String, double[]> statements() throws IOException, SQLException {
        Map<String, double[]> byQuery = new HashMap<>();
        try (Connection c = target.database();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select query, calls, total_exec_time from public.pg_stat_statements"
                        + " where dbid = (select oid from pg_database where datname = current_database())"
                        + " and userid = (select oid from pg_roles where rolname = current_user)"
                        + " union all select '" + TRANSACTIONS + "', xact_commit + xact_rollback, 0"
                        + " from pg_stat_database where datname = current_database()")) {
            while (rs.next()) {
                byQuery.merge(rs.getString(1), new double[] {rs.getLong(2), rs.getDouble(3)}, (a, b) ->
                        new double[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return byQuery;
    }

    private static void print(Map<String, double[]> before, Map<String, double[]> after, long messages) {
        List<Map.Entry<String, double[]>> delta = new ArrayList<>();
        double transactions = 0;
        double calls = 0;
        double time = 0;
        for (Map.Entry<String, double[]> e : after.entrySet()) {
            double[] b = before.getOrDefault(e.getKey(), new double[2]);
            double[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            if (e.getKey().equals(TRANSACTIONS)) {
                transactions = d[0];
            } else if (d[0] > 0) {
                delta.add(Map.entry(e.getKey(), d));
                calls += d[0];
                time += d[1];
            }
        }
        System.out.printf(
                "    PostgreSQL: %.3f transactions, %.2f statements, %.3f ms of execution per message; the costliest:%n",
                transactions / messages, calls / messages, time / messages);
        delta.stream()
                .sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
                .limit(10)
                .forEach(e -> System.out.printf(
                        "      %8.3f per message, %.3f ms per message: %s%n",
                        e.getValue()[0] / messages,
                        e.getValue()[1] / messages,
                        e.getKey()
                                .replaceAll("\\s+", " ")
                                .substring(0, Math.min(110, e.getKey().length()))));
    }

    private Path recording(ProcessHandle p) {
        return dir.resolve(phase + "-" + p.pid() + ".jfr").toAbsolutePath();
    }

    private static void jcmd(ProcessHandle p, String... command) throws IOException, InterruptedException {
        Path launcher = Path.of(p.info().command().orElseThrow());
        List<String> line =
                new ArrayList<>(List.of(launcher.resolveSibling("jcmd").toString(), Long.toString(p.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0 || output.contains("Could not")) {
            throw new IOException(String.join(" ", line) + ": " + output);
        }
    }

    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return AREAS.entrySet().stream()
                        .filter(e -> type.startsWith(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(type.replaceAll("^((?:[^.]+\\.){2}[^.]+).*", "$1"));
            }
        }
        return "JDK";
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "."
                + frame.getMethod().getName();
    }

    private static Map<String, String> areas() {
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put("org.ems.", "EMS");
        areas.put("org.apache.activemq.", "Artemis");
        areas.put("io.netty.", "Netty");
        areas.put("org.postgresql.", "PostgreSQL JDBC");
        areas.put("org.eclipse.parsson.", "JSON");
        areas.put("org.glassfish.json.", "JSON");
        areas.put("org.eclipse.yasson.", "JSON");
        areas.put("org.jboss.weld.", "CDI (Weld)");
        areas.put("com.hazelcast.", "Hazelcast");
        areas.put("io.smallrye.", "metrics/config");
        areas.put("fish.payara.", "Payara");
        areas.put("com.sun.", "Payara");
        areas.put("org.glassfish.", "Payara");
        return areas;
    }
}
