package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.ems.simulator.Simulate;
import org.ems.simulator.check.LedgerCheck;
import org.ems.simulator.window.WindowCommand;
import org.ems.simulator.window.XvfbDisplay;
import org.junit.jupiter.api.Test;

/**
 * The simulator as QA's tool against a real EMS (the shared one): a replay over HTTP into a device of a zone whose
 * hours start at :30 UTC, its ledger checked against EMS's API: no difference; then one hour removed from EMS's books
 * behind its back, and the check reports exactly that hour and fails.
 */
class SimulatorCheckSystemIT extends SharedEmsSuite {

    @Test
    void theCheckerFindsACleanRunExactAndExactlyTheHourRemovedBehindEmsBack() throws Exception {
        UUID device = UUID.fromString(ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"checked meter\",\"maxHourlyKwh\":0.05,\"timeZone\":\"Asia/Kolkata\"}"))
                .getString("id"));
        Path work = Files.createTempDirectory(ems.home, "simulator-check-");
        Path ledger = work.resolve("ledger.csv");
        int exit = new picocli.CommandLine(new Simulate())
                .execute(overHttpAsGateway(
                        "--device",
                        device.toString(),
                        "--start",
                        "2026-06-01T00:00:00Z",
                        "--count",
                        "30",
                        "--speed",
                        "100000",
                        "--ledger",
                        ledger.toString(),
                        "--state",
                        work.resolve("state").toString()));
        assertThat(exit).isZero();
        assertThat(Files.readAllLines(ledger)).hasSize(30);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(api.readings(admin, device, "2026-06-01")).isEqualTo(30));

        Checked clean = check(ledger);
        assertThat(clean.exit).as(clean.output).isZero();
        assertThat(clean.output)
                .contains(device.toString(), "checked meter", "OK: ")
                .doesNotContain("DIFFERENCE");

        // 01:30 to 02:30 UTC is the local hour from 07:00 in Asia/Kolkata: gone from EMS's books.
        Instant hour = Instant.parse("2026-06-01T01:30:00Z");
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + ems.dbPort + "/ems", "ems", ems.secret("db.password"))) {
            for (String table : List.of("quarter_total where quarter_start", "meter_reading where reading_time")) {
                try (PreparedStatement delete = db.prepareStatement(
                        "delete from monitoring." + table.replace(" where ", " where device_id = ? and ") + " >= ? and "
                                + table.substring(table.lastIndexOf(' ') + 1) + " < ?")) {
                    delete.setObject(1, device);
                    delete.setTimestamp(2, Timestamp.from(hour));
                    delete.setTimestamp(3, Timestamp.from(hour.plusSeconds(3600)));
                    assertThat(delete.executeUpdate()).as(table).isPositive();
                }
            }
        }
        Checked broken = check(ledger);
        assertThat(broken.exit).as(broken.output).isEqualTo(1);
        assertThat(broken.output.lines().filter(l -> l.startsWith("DIFFERENCE")))
                .singleElement()
                .asString()
                .contains(device.toString(), "hour 2026-06-01T07:00+05:30", "EMS 0");
    }

    @Test
    void createdClientsMetersWithTheirOwnCredentialsOverMqttWithFaultsAreExactByTheChecker() throws Exception {
        Path work = Files.createTempDirectory(ems.home, "simulator-fleet-");
        Path ledger = work.resolve("ledger.csv");
        int exit = new picocli.CommandLine(new Simulate())
                .execute(
                        "--ems",
                        api.url("").toString(),
                        "--admin-password",
                        SharedEms.ADMIN_PASSWORD,
                        "--clients",
                        "2",
                        "--devices-per-client",
                        "2",
                        "--own-credentials",
                        "--zone",
                        "Europe/Bucharest",
                        "--protocol",
                        "mqtt",
                        "--mqtt",
                        "tcp://127.0.0.1:" + ems.mqttPort,
                        "--profile",
                        "ev",
                        "--faults",
                        "duplicate=0.2,reorder=0.1,late=0.05:PT1H,reset=0.02,skew=PT5M,surge=0.05:x3,poison=0.02",
                        "--seed",
                        "7",
                        "--start",
                        "2026-06-08T15:00:00Z",
                        "--count",
                        "130", // past the profile's first evening: the cars charge, hours go over 2 kWh
                        "--speed",
                        "100000",
                        "--ledger",
                        ledger.toString(),
                        "--state",
                        work.resolve("state").toString());
        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(ledger);
        List<UUID> meters = lines.stream()
                .map(line -> UUID.fromString(line.substring(0, 36)))
                .distinct()
                .toList();
        assertThat(meters).hasSize(4);
        long poisoned = lines.stream().filter(l -> l.endsWith(",dead-letter")).count();
        assertThat(poisoned).as("poison messages the broker took").isPositive();
        var last = new java.util.concurrent.atomic.AtomicReference<Checked>();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            last.set(check(ledger));
            assertThat(last.get().exit).as(last.get().output).isZero();
        });
        Checked checked = last.get();
        assertThat(checked.output).contains("OK: 4 devices").contains("sim-");
        assertThat(checked.output).doesNotContain(" 0 of 0 expected alerts found"); // the evenings alerted
        assertThat(checked.output).contains(String.format("dead letters: %d expected, %d found", poisoned, poisoned));

        // The dead letters as the API lists them: with the reason, for administrators only.
        JsonObject page = ApiClient.json(api.call("GET", "api/dead-letters?size=500", admin, null));
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(poisoned);
        assertThat(page.getJsonArray("deadLetters").getValuesAs(JsonObject.class))
                .filteredOn(l -> l.getString("body").contains(meters.get(0).toString())
                        || l.getString("body").contains(meters.get(1).toString())
                        || l.getString("body").contains(meters.get(2).toString())
                        || l.getString("body").contains(meters.get(3).toString()))
                .hasSize((int) poisoned)
                .allSatisfy(l -> {
                    assertThat(l.getString("reason")).contains("kwh");
                    assertThat(l.getString("id")).isNotBlank();
                    assertThat(Instant.parse(l.getString("at"))).isBefore(Instant.now());
                    assertThat(l.getBoolean("bodyCut")).isFalse();
                });
        String future = Instant.now().plusSeconds(3600).toString();
        assertThat(ApiClient.json(api.call("GET", "api/dead-letters?since=" + future, admin, null))
                        .getJsonArray("deadLetters"))
                .isEmpty();
        assertThat(api.call("GET", "api/dead-letters?since=yesterday", admin, null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.call("GET", "api/dead-letters?size=0", admin, null).statusCode())
                .isEqualTo(400);
        assertThat(api.call("GET", "api/dead-letters", null, null).statusCode()).isEqualTo(401);
        String client = api.newClient(admin, "dead-letter-reader");
        assertThat(api.call("GET", "api/dead-letters", client, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theWindowSendsOverHttpWithPoisonAndShowsTheCheckersTableAtTheEnd() throws Exception {
        UUID device = UUID.fromString(ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"window meter\",\"maxHourlyKwh\":0.5,\"timeZone\":\"Europe/Bucharest\"}"))
                .getString("id"));
        Path work = Files.createTempDirectory(ems.home, "simulator-window-");
        Files.createDirectories(Path.of("target", "screenshots"));
        Path png = Path.of("target", "screenshots", "simulator-window-checked.png");
        try (XvfbDisplay screen = XvfbDisplay.start()) {
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    WindowCommand.class.getName()));
            command.addAll(List.of(overHttpAsGateway(
                    "--device",
                    device.toString(),
                    "--faults",
                    "poison=0.05,duplicate=0.1",
                    "--seed",
                    "3",
                    "--batch",
                    "5",
                    "--speed",
                    "1000000",
                    "--start",
                    "2026-07-01T00:00:00Z",
                    "--admin-password",
                    SharedEms.ADMIN_PASSWORD,
                    "--state",
                    work.resolve("state").toString(),
                    "--autostart",
                    "--screenshot",
                    png.toString(),
                    "--screenshot-checked")));
            Process window = screen.on(new ProcessBuilder(command))
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("window.log").toFile())
                    .start();
            assertThat(window.waitFor(4, TimeUnit.MINUTES)).isTrue();
            assertThat(window.exitValue())
                    .as(Files.readString(work.resolve("window.log")))
                    .isZero();
        }
        List<String> status = Files.readAllLines(Path.of(png + ".txt"));
        // Every hour exact, and every alert checked: over 500 of them, withdrawn ones included (batches posted at once
        // arrive out of order, and an hour can stand over its limit for a moment), read page by page.
        assertThat(status.get(2))
                .as(String.join("\n", status))
                .startsWith("OK: 1 devices, 673 device-hours (673 exact)")
                .matches(".* ([0-9,]+) of \\1 expected alerts found, 0 extra,.*");
        List<String> ledger = Files.readAllLines(work.resolve("state").resolve("ledger.csv"));
        assertThat(ledger).anyMatch(line -> line.endsWith(",refused")); // poison over HTTP: a 400 at once
        assertThat(ledger.stream().filter(line -> !line.endsWith(",refused")).distinct())
                .as("every reading of sensor.csv once (a duplicate is the same line)")
                .hasSize(org.ems.simulator.meter.LoadProfile.bundled().size());
    }

    /** The simulator's options to send over HTTP as the gateway, then {@code more}. */
    private String[] overHttpAsGateway(String... more) throws Exception {
        List<String> options = new java.util.ArrayList<>(List.of(
                "--protocol",
                "http",
                "--ems",
                api.url("").toString(),
                "--user",
                "meter",
                "--password",
                ems.secret("broker.meter.password")));
        options.addAll(List.of(more));
        return options.toArray(String[]::new);
    }

    private record Checked(int exit, String output) {}

    private Checked check(Path ledger) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = LedgerCheck.run(
                ledger,
                api.url(""),
                "admin",
                SharedEms.ADMIN_PASSWORD,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Checked(exit, out.toString(StandardCharsets.UTF_8));
    }
}
