package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    private Path archive;
    private String version;
    private Path installed;

    @BeforeAll
    void unpack() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive = files.filter(f -> f.getFileName().toString().matches("ems-.+\\.tar\\.gz"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ems-<version>.tar.gz in target/"))
                    .toAbsolutePath();
        }
        version = archive.getFileName().toString().replaceAll("^ems-|\\.tar\\.gz$", "");
        Path where = Files.createTempDirectory(Path.of("target"), "installed-").toAbsolutePath();
        assertThat(run(where, List.of("tar", "-xzf", archive.toString()), Map.of(), 120).exit)
                .isZero();
        installed = where.resolve("ems-" + version);
        System.out.printf("distribution %s: %,d bytes%n", archive.getFileName(), Files.size(archive));
    }

    @Test
    void theArchiveIsOneFolderWithWhatItTakesToRunAndToInstall() throws Exception {
        List<String> entries =
                run(installed.getParent(), List.of("tar", "-tzf", archive.toString()), Map.of(), 120).output;
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
        assertThat(run(installed, List.of("bin/ems", "version"), Map.of(), 60).output)
                .containsExactly("EMS " + version);
    }

    @Test
    void aBadSettingInTheFileStopsTheStartWithOneLineNamingIt() throws Exception {
        Path home =
                Files.createTempDirectory(Path.of("target"), "ems-badsetting-").toAbsolutePath();
        Files.writeString(home.resolve("ems.properties"), "ems.http.port=99999\n");
        Result result = run(installed, List.of("bin/ems", "run"), Map.of("EMS_HOME", home.toString()), 60);
        assertThat(result.exit).isEqualTo(1);
        assertThat(result.output)
                .containsExactly("ems: ems.http.port (EMS_HTTP_PORT) must be a TCP port (1-65535), not '99999'");
    }

    @Test
    void runsFromItsSettingsFileAndTakesReadingsFromItsSimulator() throws Exception {
        Path home =
                Files.createTempDirectory(Path.of("target"), "ems-installed-").toAbsolutePath();
        LaunchedEms.Ports ports = LaunchedEms.Ports.free();
        String password = "installed-" + UUID.randomUUID();
        // every setting from the file: the variables hold only where the home is
        Files.writeString(
                home.resolve("ems.properties"),
                String.join(
                        "\n",
                        "ems.http.port=" + ports.http(),
                        "ems.db.port=" + ports.db(),
                        "ems.broker.port=" + ports.broker(),
                        "ems.cluster.port=" + ports.cluster(),
                        "ems.admin.password=" + password,
                        "ems.micro.heap=384m",
                        ""));
        Instant started = Instant.now();
        Process ems = process(installed, List.of("bin/ems", "run"), Map.of("EMS_HOME", home.toString()))
                .redirectOutput(home.resolve("console.log").toFile())
                .start();
        try {
            Awaitility.await("EMS ready")
                    .atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !ems.isAlive() || console(home).contains("EMS ready at " + ports.url(0)));
            assertThat(ems.isAlive()).as(console(home)).isTrue();
            System.out.printf(
                    "bin/ems run from the unpacked archive, fresh home: ready after %.1f s%n",
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);
            // the file holds what the operator wrote, not the template
            assertThat(Files.readString(home.resolve("ems.properties"))).startsWith("ems.http.port=");
            assertThat(console(home)).doesNotContain("Created user 'admin'"); // the password was given

            EmsClient api = new EmsClient(ports.url(0));
            String token = api.login("admin", password);
            UUID owner = UUID.fromString(api.post(
                            token,
                            "api/users",
                            "{\"username\":\"dana\",\"password\":\"" + password
                                    + "\",\"name\":\"Dana\",\"role\":\"CLIENT\"}")
                    .getString("id"));
            UUID device = api.device(token, "installed meter", "5.0", owner, "UTC");
            Result simulated = run(
                    home,
                    List.of(
                            installed.resolve("bin/ems").toString(),
                            "simulate",
                            "--device",
                            device.toString(),
                            "--count",
                            "6",
                            "--speed",
                            "600"),
                    Map.of("EMS_HOME", home.toString()),
                    120);
            assertThat(simulated.exit).as(String.join("\n", simulated.output)).isZero();
            Awaitility.await("six readings stored")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> api.counter("ems_readings_stored_total") >= 6);
        } finally {
            ems.destroy(); // SIGTERM, as systemd stops it
            assertThat(ems.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(ems.exitValue()).as(console(home)).isIn(0, 143);
        assertThat(console(home)).contains("EMS stopped");
    }

    private static String console(Path home) throws IOException {
        return Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8);
    }

    private record Result(int exit, List<String> output) {}

    /** Runs a command to its end (output and errors together, line by line). */
    private static Result run(Path directory, List<String> command, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        Process process = process(directory, command, env).start();
        List<String> output = new ArrayList<>();
        try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
            lines.lines().forEach(output::add);
        }
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS))
                .as(command.toString())
                .isTrue();
        return new Result(process.exitValue(), output);
    }

    /**
     * A command in {@code directory} with only these EMS variables (none of the test JVM's own), output and errors
     * together.
     */
    private static ProcessBuilder process(Path directory, List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("EMS_"));
        builder.environment().putAll(env);
        // the Java the tests run on, as an installation's JAVA_HOME
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.redirectErrorStream(true);
    }
}
