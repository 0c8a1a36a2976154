package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.ems.runtime.EmbeddedDatabase;
import org.ems.runtime.InstallationHome;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.client.LaunchedEms;
import org.junit.jupiter.api.Test;

/**
 * An upgrade from the previous release: a home as EMS 1.0.0 left it (its database in PostgreSQL 14, with 1.0.0's data:
 * {@code upgrade/ems-1.0.0.sql}, made from that release's migrations, see its header), taken over by this
 * distribution's {@code bin/ems run}, which upgrades PostgreSQL and migrates the schemas; every user, device, hour,
 * alert, message and meter credential must still be there and work. Then {@code ems backup} of it while it runs, and
 * {@code ems restore} into a new home whose EMS answers the same (one start of the 1.0.0 home for both).
 */
class UpgradeIT {

    static final UUID ANA = UUID.fromString("b1ee1dd2-13e6-486c-b08b-279bd01946dc");
    static final UUID KITCHEN = UUID.fromString("4e28235a-166e-4acc-93ea-08a843934155");
    static final UUID GARAGE = UUID.fromString("9c7e39a7-fe18-473a-b084-72d238a00d55");
    static final UUID BOILER = UUID.fromString("68875239-03cd-4288-9822-90d4d929ecb0");
    /** The Garage meter's own broker credential, as 1.0.0 issued it. */
    static final String GARAGE_PASSWORD = "nsTMNrdaY8zr_mgKovabcd10TC6anWq8";

    /** The questions whose answers a restored EMS must give as the original did. */
    private static final List<String> QUESTIONS = List.of(
            "api/users",
            "api/devices",
            "api/devices/" + KITCHEN + "/consumption?date=2026-11-30",
            "api/devices/" + BOILER + "/consumption/daily?from=2026-11-01&to=2026-11-30",
            "api/alerts",
            "api/chat/conversations",
            "api/chat/conversations/" + ANA + "/messages");

    @Test
    void theDataOfTheLastReleaseIsAllThereAfterTheUpgradeAndAfterABackupRestoredElsewhere() throws Exception {
        Installation installation = Installation.unpacked();
        LaunchedEms.Ports ports = LaunchedEms.Ports.free();
        Path home = Installation.home("upgrade", ports);
        restoreRelease(installation, home, ports);
        Path backup = home.resolveSibling(home.getFileName() + ".zip");
        String token;
        Map<String, String> answers;

        try (Installation.Running ems = installation.start(home, ports.url(0))) {
            assertThat(ems.console()).doesNotContain("Created user 'admin'"); // 1.0.0's administrator stays
            // PostgreSQL 14 of 1.0.0, upgraded to this version's by a copy through both servers
            assertThat(ems.console()).contains("Upgrading the embedded PostgreSQL from 14 to 17");
            assertThat(Files.readString(home.resolve("postgres/PG_VERSION")).trim())
                    .isEqualTo("17");
            assertThat(home.resolve("postgres-14")).doesNotExist();
            EmsClient api = new EmsClient(ports.url(0));
            String admin = api.login("admin", "fixture-admin-1");
            String ana = api.login("ana", "fixture-ana-1");

            JsonObject me = get(api, ana, "api/me").asJsonObject();
            assertThat(me.getString("id")).isEqualTo(ANA.toString());
            assertThat(me.getString("name")).isEqualTo("Ana Pop");
            assertThat(me.getString("timeZone")).isEqualTo("Europe/Bucharest");

            JsonArray devices = get(api, ana, "api/devices").asJsonArray();
            assertThat(devices.stream().map(d -> d.asJsonObject().getString("name")))
                    .containsExactlyInAnyOrder("Kitchen meter", "Garage meter", "Boiler meter");
            JsonObject kitchen = get(api, ana, "api/devices/" + KITCHEN).asJsonObject();
            assertThat(kitchen.getString("address")).isEqualTo("Str. Lunga 1, Cluj");
            assertThat(kitchen.getJsonNumber("maxHourlyKwh").bigDecimalValue()).isEqualByComparingTo("0.3");

            // the hours 1.0.0 computed, unchanged
            assertThat(hours(api, ana, KITCHEN))
                    .containsExactly(
                            "2026-11-30T10:00:00+02:00 0.362 6",
                            "2026-11-30T11:00:00+02:00 0.306 6",
                            "2026-11-30T12:00:00+02:00 0.298 6");

            JsonArray alerts = get(api, ana, "api/alerts").asJsonArray();
            assertThat(alerts)
                    .hasSize(2)
                    .allSatisfy(a ->
                            assertThat(a.asJsonObject().getString("deviceId")).isEqualTo(BOILER.toString()));
            assertThat(alerts.stream().filter(a -> !a.asJsonObject().isNull("acknowledgedAt")))
                    .hasSize(1);

            JsonArray messages = get(api, admin, "api/chat/conversations/" + ANA + "/messages")
                    .asJsonArray();
            assertThat(messages.stream().map(m -> m.asJsonObject().getString("text")))
                    .containsExactlyInAnyOrder(
                            "Hello, my boiler meter shows an alert at 10:00", "We are looking at it, Ana.");

            // the Garage meter still signs in to the broker with the credential 1.0.0 gave it
            installation.simulate(
                    home,
                    "--device",
                    GARAGE.toString(),
                    "--user",
                    GARAGE.toString(),
                    "--password",
                    GARAGE_PASSWORD,
                    "--count",
                    "3",
                    "--speed",
                    "6000",
                    "--start",
                    "2026-11-30T11:00:00Z");
            Awaitility.await("the Garage meter's new readings in its hours")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> hours(api, ana, GARAGE).stream().anyMatch(h -> h.startsWith("2026-11-30T13:00")));

            // and backed up while it runs: the answers the restored EMS must give
            Installation.Result backedUp = Installation.run(
                    home, installation.ems("backup", backup.toString()), Map.of("EMS_HOME", home.toString()), 300);
            assertThat(backedUp.exit()).as(String.join("\n", backedUp.output())).isZero();
            System.out.println(String.join("\n", backedUp.output()));
            token = admin;
            answers = answers(api, token);
        }
        restoredElsewhere(installation, ports, backup, token, answers);
    }

    /**
     * {@code ems restore} of the backup into a new home (refused into a non-empty one), and the restored EMS answering
     * every question as the original did: users, devices, hours, alerts, chat, a sign-in made before the backup, and
     * a meter's own credential.
     */
    private static void restoredElsewhere(
            Installation installation, LaunchedEms.Ports ports, Path backup, String token, Map<String, String> answers)
            throws Exception {
        // it holds the secrets: the owner's alone
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rw-------");
        Path restored =
                Files.createTempDirectory(Path.of("target"), "ems-restored-").toAbsolutePath();
        Files.writeString(restored.resolve("ems.properties"), "");
        Installation.Result refused = Installation.run(
                restored, installation.ems("restore", backup.toString()), Map.of("EMS_HOME", restored.toString()), 120);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output())
                .containsExactly(
                        "ems: EMS_HOME " + restored + " is not empty: ems restore fills a new, empty home only");
        Files.delete(restored.resolve("ems.properties"));

        Installation.Result restore = Installation.run(
                restored, installation.ems("restore", backup.toString()), Map.of("EMS_HOME", restored.toString()), 300);
        assertThat(restore.exit()).as(String.join("\n", restore.output())).isZero();
        System.out.println(String.join("\n", restore.output()));

        // the restored home has the original's settings (its ports) and secrets: the same EMS, moved
        try (Installation.Running ems = installation.start(restored, ports.url(0))) {
            EmsClient api = new EmsClient(ports.url(0));
            assertThat(answers(api, token)).isEqualTo(answers); // the sign-in from before the backup holds
            installation.simulate(
                    restored,
                    "--device",
                    GARAGE.toString(),
                    "--user",
                    GARAGE.toString(),
                    "--password",
                    GARAGE_PASSWORD,
                    "--count",
                    "2",
                    "--speed",
                    "6000",
                    "--start",
                    "2026-11-30T12:00:00Z");
            Awaitility.await("the Garage meter's readings stored")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> api.counter("ems_readings_stored_total") >= 2);
        }
    }

    /** What each question answers, as the administrator signed in before the backup. */
    private static Map<String, String> answers(EmsClient api, String token) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            HttpResponse<String> answer = api.send(
                    HttpRequest.newBuilder(api.ems.resolve(question)).header("Authorization", "Bearer " + token));
            assertThat(answer.statusCode()).as(question + ": " + answer.body()).isEqualTo(200);
            answers.put(question, answer.body());
        }
        return answers;
    }

    /**
     * Makes {@code home} as EMS 1.0.0 left it: its database in PostgreSQL 14 (the binaries the installation keeps for
     * the upgrade), holding 1.0.0's schemas and data.
     */
    static void restoreRelease(Installation installation, Path home, LaunchedEms.Ports ports) throws Exception {
        String dump;
        try (var in = UpgradeIT.class.getResourceAsStream("/upgrade/ems-1.0.0.sql")) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path binaries;
        try (var jars = Files.list(installation.root.resolve("lib/postgres-14"))) {
            binaries = jars.findFirst().orElseThrow();
        }
        try (InstallationHome installed = InstallationHome.open(home);
                EmbeddedDatabase database = EmbeddedDatabase.startOlder(
                        installed, home.resolve("postgres"), "127.0.0.1", ports.db(), binaries);
                Connection c = EmbeddedDatabase.endpoint(installed, "127.0.0.1", ports.db())
                        .connect();
                Statement s = c.createStatement()) {
            s.execute(dump);
        }
        assertThat(Files.readString(home.resolve("postgres/PG_VERSION")).trim()).isEqualTo("14");
    }

    /** The hours with readings of a device's 2026-11-30: "start kWh readings". */
    private static List<String> hours(EmsClient api, String token, UUID device) throws Exception {
        return get(api, token, "api/devices/" + device + "/consumption?date=2026-11-30")
                .asJsonObject()
                .getJsonArray("hours")
                .stream()
                .map(h -> h.asJsonObject())
                .filter(h -> h.getInt("readings") > 0)
                .map(h -> h.getString("start") + " "
                        + h.getJsonNumber("kwh")
                                .bigDecimalValue()
                                .stripTrailingZeros()
                                .toPlainString() + " "
                        + h.getInt("readings"))
                .toList();
    }

    private static jakarta.json.JsonValue get(EmsClient api, String token, String path) throws Exception {
        var response =
                api.send(HttpRequest.newBuilder(api.ems.resolve(path)).header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body()))
                .readValue();
    }
}
