package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.ems.simulator.Simulate;
import org.ems.simulator.check.LedgerCheck;
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
                .execute(
                        "--protocol",
                        "http",
                        "--ems",
                        api.url("").toString(),
                        "--user",
                        "meter",
                        "--password",
                        ems.secret("broker.meter.password"),
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
                        work.resolve("state").toString());
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
                        "duplicate=0.2,reorder=0.1,late=0.05:PT1H,reset=0.02,skew=PT5M,surge=0.05:x3",
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
        List<UUID> meters = Files.readAllLines(ledger).stream()
                .map(line -> UUID.fromString(line.substring(0, 36)))
                .distinct()
                .toList();
        assertThat(meters).hasSize(4);
        Checked checked = await().atMost(Duration.ofSeconds(60)).until(() -> check(ledger), c -> c.exit == 0);
        assertThat(checked.output).contains("OK: 4 devices").contains("sim-");
        assertThat(checked.output).doesNotContain(" 0 of 0 expected alerts found"); // the evenings alerted
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
