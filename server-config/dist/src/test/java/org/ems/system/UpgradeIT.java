package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
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
 * alert, message and meter credential must still be there and work.
 */
class UpgradeIT {

    static final UUID ANA = UUID.fromString("b1ee1dd2-13e6-486c-b08b-279bd01946dc");
    static final UUID KITCHEN = UUID.fromString("4e28235a-166e-4acc-93ea-08a843934155");
    static final UUID GARAGE = UUID.fromString("9c7e39a7-fe18-473a-b084-72d238a00d55");
    static final UUID BOILER = UUID.fromString("68875239-03cd-4288-9822-90d4d929ecb0");
    /** The Garage meter's own broker credential, as 1.0.0 issued it. */
    static final String GARAGE_PASSWORD = "nsTMNrdaY8zr_mgKovabcd10TC6anWq8";

    @Test
    void theDataOfTheLastReleaseIsAllThereAfterTheUpgrade() throws Exception {
        Installation installation = Installation.unpacked();
        LaunchedEms.Ports ports = LaunchedEms.Ports.free();
        Path home = Installation.home("upgrade", ports);
        restoreRelease(installation, home, ports);

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
        }
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
