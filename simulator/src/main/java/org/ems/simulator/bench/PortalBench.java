package org.ems.simulator.bench;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.ems.contracts.reading.MeterReading;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.meter.BrokerLink;
import org.ems.simulator.meter.MeterLink;
import org.ems.simulator.meter.Outgoing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./ems bench portal}: gives one device of a client a year of 10-minute readings (52,560) through the broker,
 * then asks the running EMS, as that client, for what the portal shows of it, sequentially, and prints the server's
 * answer times (p50, p95, max): the device page (today's hours and the 30-day chart, as rendered HTML), the JSON a
 * day view and the 30-day view use, and the CSV of 30 days.
 */
@Command(
        name = "ems bench portal",
        mixinStandardHelpOptions = true,
        description = "Benchmark of the portal's device views against a running EMS (./ems bench portal starts one).")
public final class PortalBench implements Callable<Integer> {

    private static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final String ZONE = "Europe/Bucharest";

    @Mixin
    BenchTarget target;

    @Option(names = "--readings", defaultValue = "52560", description = "readings of the device (default: a year)")
    int readings;

    @Option(names = "--requests", defaultValue = "100", description = "requests measured per view (default: 100)")
    int requests;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PortalBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (BenchTarget started = target) {
            started.start();
            return measure();
        }
    }

    private int measure() throws Exception {
        EmsClient client = new EmsClient(target.ems);
        String admin = client.login("admin", target.adminPassword);
        UUID owner = UUID.fromString(client.post(
                        admin,
                        "api/users",
                        "{\"username\":\"portal-bench\",\"password\":\"portal-bench-password\","
                                + "\"name\":\"Portal bench\",\"role\":\"CLIENT\",\"timeZone\":\"" + ZONE + "\"}")
                .getString("id"));
        UUID device = client.device(admin, "bench flat", "1.5", owner, ZONE);
        BenchTarget.awaitDeviceEvents();

        long before = client.counter("ems_readings_stored_total");
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(INTERVAL.multipliedBy(readings - 1L));
        List<Outgoing> year = new ArrayList<>(readings);
        for (int i = 0; i < readings; i++) {
            // 0.05 to 0.35 kWh every 10 minutes: some hours over the 1.5 kWh limit
            BigDecimal kwh = BigDecimal.valueOf(i * 0.2 + (i % 7) * 0.02).setScale(3, java.math.RoundingMode.HALF_UP);
            year.add(Outgoing.of(new MeterReading(device, start.plus(INTERVAL.multipliedBy(i)), kwh)));
        }
        long t0 = System.nanoTime();
        try (BrokerLink link = new BrokerLink(target.broker, "meter", EmsHome.meterPassword(target.home))) {
            link.send(year, MeterLink.Format.EMS, 100);
        }
        while (client.counter("ems_readings_stored_total") - before < readings) {
            Thread.sleep(200);
        }
        System.out.printf(
                "device with %,d readings every 10 min (%s to %s), stored in %.1f s; machine: %d cores, %s%n",
                readings,
                start,
                end,
                (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        String cookie = client.signInToPages("portal-bench", "portal-bench-password");
        String token = client.login("portal-bench", "portal-bench-password");
        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        String days = "from=" + today.minusDays(29) + "&to=" + today;
        measure(client, "device page (day + 30 days, HTML)", "portal/device.xhtml?id=" + device, "Cookie", cookie);
        measure(
                client,
                "device page of a past day",
                "portal/device.xhtml?id=" + device + "&date=" + today.minusDays(200),
                "Cookie",
                cookie);
        String api = "api/devices/" + device;
        measure(
                client,
                "day view JSON (hours)",
                api + "/consumption?date=" + today,
                "Authorization",
                "Bearer " + token);
        measure(
                client,
                "30-day view JSON (daily)",
                api + "/consumption/daily?" + days,
                "Authorization",
                "Bearer " + token);
        measure(client, "CSV of 30 days", api + "/consumption.csv?" + days, "Authorization", "Bearer " + token);
        return 0;
    }

    /** Asks {@code path} a few times to warm up, then {@code requests} times, one after another; prints the times. */
    private void measure(EmsClient client, String name, String path, String header, String value) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target.ems.resolve(path)).header(header, value);
        List<Double> millis = new ArrayList<>();
        for (int i = -10; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = client.send(request);
            double took = (System.nanoTime() - t0) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            if (i >= 0) {
                millis.add(took);
            }
        }
        millis.sort(null);
        System.out.printf(
                "%-36s %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                name,
                requests,
                millis.get(requests / 2),
                millis.get(Math.min(requests - 1, requests * 95 / 100)),
                millis.get(requests - 1));
    }
}
