package org.ems.simulator.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ems.contracts.reading.MeterReading;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.client.TextMessages;
import org.ems.simulator.meter.BrokerLink;
import org.ems.simulator.meter.LoadProfile;
import org.ems.simulator.meter.LoadRun;
import org.ems.simulator.meter.MeterLink;
import org.ems.simulator.meter.Outgoing;

/**
 * The alert latency of {@code ./ems bench ingest}: from a reading that takes an hour over its limit being sent until
 * the alert arrives on the owner's {@code /ws/alerts}, under a background load of other meters.
 */
final class AlertLatency {

    private final BenchTarget target;
    private final LoadProfile profile;
    private final double background;
    private final int alerts;
    private final Optional<PhaseProfile> profiler;

    AlertLatency(
            BenchTarget target, LoadProfile profile, double background, int alerts, Optional<PhaseProfile> profiler) {
        this.target = target;
        this.profile = profile;
        this.background = background;
        this.alerts = alerts;
        this.profiler = profiler;
    }

    /** Measures {@code alerts} alerts of {@code device}, owned by {@code ownerToken}'s user, under the load of {@code meters}. */
    void measure(List<UUID> meters, UUID device, String ownerToken, LoadRun.LinkFactory links) throws Exception {
        BenchTarget.awaitDeviceEvents();
        Map<String, Long> received = new ConcurrentHashMap<>();
        Pattern hour = Pattern.compile("\"hourStart\":\"([^\"]+)\"");
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .subprotocols("access_token", ownerToken)
                .buildAsync(ws("ws/alerts"), new TextMessages(message -> {
                    long now = System.nanoTime();
                    Matcher m = hour.matcher(message);
                    if (m.find()) {
                        received.put(
                                OffsetDateTime.parse(m.group(1)).toInstant().toString(), now);
                    }
                }))
                .get(10, TimeUnit.SECONDS);
        AtomicLong backgroundSent = new AtomicLong();
        Thread load = new Thread(
                () -> {
                    try {
                        backgroundSent.set(new LoadRun(
                                        meters,
                                        profile,
                                        IngestBench.METER_START,
                                        IngestBench.INTERVAL,
                                        background,
                                        Duration.ofSeconds(alerts / 10 + 10),
                                        1,
                                        1,
                                        links,
                                        IngestBench.quiet())
                                .run());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "background-load");
        if (profiler.isPresent()) {
            profiler.get().start("alerts");
        }
        ProcessUsage usage0 = ProcessUsage.of(target.home);
        long t0 = System.nanoTime();
        load.start();
        Thread.sleep(3_000); // the background load is flowing
        List<Double> latencies = new ArrayList<>();
        Map<String, Long> sentAt = new LinkedHashMap<>();
        try (BrokerLink link = new BrokerLink(target.broker, "meter", EmsHome.meterPassword(target.home))) {
            Instant hourStart = IngestBench.METER_START;
            for (int i = 0; i < alerts; i++) {
                // A baseline at the hour's start, then +1 kWh ten minutes later: over the 0.001 kWh limit.
                Instant h = hourStart.plus(Duration.ofHours(i));
                link.send(
                        List.of(Outgoing.of(new MeterReading(device, h, BigDecimal.valueOf(i)))),
                        MeterLink.Format.EMS,
                        1);
                sentAt.put(h.toString(), System.nanoTime());
                link.send(
                        List.of(Outgoing.of(
                                new MeterReading(device, h.plus(IngestBench.INTERVAL), BigDecimal.valueOf(i + 1)))),
                        MeterLink.Format.EMS,
                        1);
                Thread.sleep(100);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.size() < alerts && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        load.join();
        double total = (System.nanoTime() - t0) / 1e9;
        socket.abort();
        sentAt.forEach((h, at) -> Optional.ofNullable(received.get(h)).ifPresent(r -> latencies.add((r - at) / 1e6)));
        Collections.sort(latencies);
        System.out.printf(
                "%nalert latency (reading sent -> alert on /ws/alerts) under %,.0f readings/s background:"
                        + " %d of %d alerts received; p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                background,
                latencies.size(),
                alerts,
                percentile(latencies, 50),
                percentile(latencies, 99),
                latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
        sentAt.keySet().stream()
                .filter(h -> !received.containsKey(h))
                .forEach(h -> System.out.println("  no alert arrived for the hour of " + h));
        Map<String, Duration> cpu = usage0.printSince(total);
        if (profiler.isPresent()) {
            profiler.get().stop(backgroundSent.get() + 2L * alerts, cpu);
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private URI ws(String path) {
        return URI.create(target.ems.resolve(path).toString().replaceFirst("^http", "ws"));
    }
}
