package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ems.system.Installation.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.client.LaunchedEms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The distribution as an operator installs it: {@code ems-<version>.tar.gz} unpacked outside the checkout, run by its
 * own {@code bin/ems} with only a Java runtime, configured by {@code $EMS_HOME/ems.properties}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionIT {

    private Installation installation;
    private Path installed;
    private String version;

    @BeforeAll
    void unpack() throws Exception {
        installation = Installation.unpacked();
        installed = installation.root;
        version = installation.version;
        System.out.printf(
                "distribution %s: %,d bytes%n", installation.archive.getFileName(), Files.size(installation.archive));
    }

    @Test
    void theArchiveIsOneFolderWithWhatItTakesToRunAndToInstall() throws Exception {
        List<String> entries = run(
                        installed.getParent(), List.of("tar", "-tzf", installation.archive.toString()), Map.of(), 120)
                .output();
        assertThat(entries).allMatch(entry -> entry.startsWith("ems-" + version + "/"));
        assertThat(installed.resolve("bin/ems")).isExecutable();
        for (String file : List.of(
                "conf/ems.properties",
                "payara-micro.jar",
                "deploy/ROOT.war",
                "deploy/ems-ra.rar",
                "ear/ems.ear",
                "simulator/simulator.jar",
                "dist/ems.service",
                "dist/Containerfile",
                "README.md",
                "THIRD-PARTY.txt",
                "docs/configuration.md",
                "lib/ems-runtime-" + version + ".jar")) {
            assertThat(installed.resolve(file)).as(file).isRegularFile();
        }
        // a Linux service: the PostgreSQL binaries of other systems, and the benchmarks' MDB, stay out
        assertThat(entries)
                .noneMatch(entry -> entry.contains("/bench/") || entry.contains("darwin") || entry.contains("windows"));
    }

    @Test
    void versionSaysWhichBuildItIs() throws Exception {
        assertThat(run(installed, installation.ems("version"), Map.of(), 60).output())
                .containsExactly("EMS " + version);
    }

    @Test
    void aBadSettingInTheFileStopsTheStartWithOneLineNamingIt() throws Exception {
        Path home =
                Files.createTempDirectory(Path.of("target"), "ems-badsetting-").toAbsolutePath();
        Files.writeString(home.resolve("ems.properties"), "ems.http.port=99999\n");
        Installation.Result result = run(installed, installation.ems("run"), Map.of("EMS_HOME", home.toString()), 60);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output())
                .containsExactly("ems: ems.http.port (EMS_HTTP_PORT) must be a TCP port (1-65535), not '99999'");
    }

    @Test
    void runsFromItsSettingsFileTakesReadingsFromItsSimulatorAndKeepsTheRetention() throws Exception {
        LaunchedEms.Ports ports = LaunchedEms.Ports.free();
        String password = "installed-" + UUID.randomUUID();
        // every setting from the file: the variables hold only where the home is
        Path home = Installation.home(
                "installed",
                ports,
                "ems.admin.password=" + password,
                "ems.micro.heap=384m",
                "ems.retention.readings=P400D",
                // old readings may arrive after the first upkeep (a minute after the start): the next comes soon
                "ems.retention.upkeep-every=PT1M");
        Instant started = Instant.now();
        try (Installation.Running ems = installation.start(home, ports.url(0))) {
            System.out.printf(
                    "bin/ems run from the unpacked archive, fresh home: ready after %.1f s%n",
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);
            // the file holds what the operator wrote, not the template
            assertThat(Files.readString(home.resolve("ems.properties"))).startsWith("ems.http.port=");
            assertThat(ems.console()).doesNotContain("Created user 'admin'"); // the password was given

            EmsClient api = new EmsClient(ports.url(0));
            String token = api.login("admin", password);
            UUID owner = UUID.fromString(api.post(
                            token,
                            "api/users",
                            "{\"username\":\"dana\",\"password\":\"" + password
                                    + "\",\"name\":\"Dana\",\"role\":\"CLIENT\"}")
                    .getString("id"));
            UUID device = api.device(token, "installed meter", "5.0", owner, "UTC");
            installation.simulate(home, "--device", device.toString(), "--count", "6", "--speed", "600");
            Awaitility.await("six readings stored")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> api.counter("ems_readings_stored_total") >= 6);

            // readings of two years ago: past the retention, their month is removed by the upkeep (a minute after
            // the start); the hours they made stay
            LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusYears(2).withDayOfMonth(10);
            installation.simulate(
                    home,
                    "--device",
                    device.toString(),
                    "--count",
                    "7",
                    "--speed",
                    "6000",
                    "--start",
                    longAgo.atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                    "--state",
                    home.resolve("simulator-old").toString());
            Awaitility.await("the old month removed")
                    .atMost(Duration.ofMinutes(3))
                    .until(() -> api.counter("ems_readings_months_removed_total") >= 1);
            String day = api.send(java.net.http.HttpRequest.newBuilder(
                                    ports.url(0).resolve("api/devices/" + device + "/consumption?date=" + longAgo))
                            .header("Authorization", "Bearer " + token))
                    .body();
            assertThat(day).contains("\"readings\":6");

            Installation.Result status = run(home, installation.ems("status"), Map.of("EMS_HOME", home.toString()), 60);
            assertThat(status.exit()).as(String.join("\n", status.output())).isZero();
            assertThat(status.output())
                    .hasSize(5)
                    .allMatch(line -> line.matches("(launcher|database|broker|MQTT|EMS) +up .*"))
                    .anyMatch(line -> line.contains(":" + ports.mqtt()))
                    .anyMatch(line -> line.contains("PostgreSQL 17"));
        }
        Installation.Result stopped = run(home, installation.ems("status"), Map.of("EMS_HOME", home.toString()), 60);
        assertThat(stopped.exit()).isEqualTo(1);
        assertThat(stopped.output()).allMatch(line -> line.matches("(launcher|database|broker|MQTT|EMS) +DOWN .*"));
    }
}
