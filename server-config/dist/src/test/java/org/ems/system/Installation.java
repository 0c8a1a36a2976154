package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.ems.simulator.client.LaunchedEms;

/**
 * The distribution as an operator has it: {@code target/ems-<version>.tar.gz} unpacked outside the checkout (once
 * for the test JVM), and its commands run as a shell would, with only the EMS variables a test gives.
 */
final class Installation {

    private static Installation unpacked;

    final Path archive;
    final String version;
    /** The unpacked folder, {@code ems-<version>/}. */
    final Path root;

    private Installation(Path archive, String version, Path root) {
        this.archive = archive;
        this.version = version;
        this.root = root;
    }

    /** The archive, unpacked into a folder of its own under {@code target/} on the first call. */
    static synchronized Installation unpacked() throws IOException, InterruptedException {
        if (unpacked == null) {
            Path archive;
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                archive = files.filter(f -> f.getFileName().toString().matches("ems-.+\\.tar\\.gz"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no ems-<version>.tar.gz in target/"))
                        .toAbsolutePath();
            }
            String version = archive.getFileName().toString().replaceAll("^ems-|\\.tar\\.gz$", "");
            Path where =
                    Files.createTempDirectory(Path.of("target"), "installed-").toAbsolutePath();
            Result untar = run(where, List.of("tar", "-xzf", archive.toString()), Map.of(), 120);
            assertThat(untar.exit()).as(String.join("\n", untar.output())).isZero();
            unpacked = new Installation(archive, version, where.resolve("ems-" + version));
        }
        return unpacked;
    }

    /**
     * A new home under {@code target/} whose {@code ems.properties} puts EMS on these ports, with these further
     * settings ({@code key=value}).
     */
    static Path home(String name, LaunchedEms.Ports ports, String... settings) throws IOException {
        Path home = Files.createTempDirectory(Path.of("target"), "ems-" + name + "-")
                .toAbsolutePath();
        List<String> lines = new ArrayList<>(List.of(
                "ems.http.port=" + ports.http(),
                "ems.db.port=" + ports.db(),
                "ems.broker.port=" + ports.broker(),
                "ems.mqtt.port=" + ports.mqtt(),
                "ems.cluster.port=" + ports.cluster()));
        lines.addAll(List.of(settings));
        Files.write(home.resolve("ems.properties"), lines);
        return home;
    }

    /** The installation's {@code bin/ems} with these arguments. */
    List<String> ems(String... arguments) {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/ems").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * {@code bin/ems run} on this home (the variables only {@code EMS_HOME}: the rest comes from its settings file),
     * once it says it is ready at {@code url}; its console goes to {@code console.log} in the home.
     */
    Running start(Path home, URI url) throws IOException {
        Path console = home.resolve("console.log");
        Running ems = new Running(
                process(root, ems("run"), Map.of("EMS_HOME", home.toString()))
                        .redirectOutput(console.toFile())
                        .start(),
                console);
        try {
            Awaitility.await("EMS ready")
                    .atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !ems.process.isAlive() || ems.console().contains("EMS ready at " + url));
            assertThat(ems.process.isAlive()).as(ems.console()).isTrue();
        } catch (RuntimeException | Error e) {
            ems.process.destroyForcibly();
            throw e;
        }
        return ems;
    }

    /** A running {@code bin/ems run}: closing it stops it as systemd would (SIGTERM), and checks that it stopped. */
    record Running(Process process, Path consoleFile) implements AutoCloseable {

        String console() throws IOException {
            return Files.readString(consoleFile, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while EMS stopped", e);
            }
            assertThat(process.exitValue()).as(console()).isIn(0, 143);
            assertThat(console()).contains("EMS stopped");
        }
    }

    /** {@code bin/ems simulate} with these options on this home, as an operator runs it; it must end well. */
    void simulate(Path home, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("simulate"));
        arguments.addAll(List.of(options));
        Result simulated = run(home, ems(arguments.toArray(String[]::new)), Map.of("EMS_HOME", home.toString()), 120);
        assertThat(simulated.exit()).as(String.join("\n", simulated.output())).isZero();
    }

    record Result(int exit, List<String> output) {}

    /** Runs a command to its end (output and errors together, line by line). */
    static Result run(Path directory, List<String> command, Map<String, String> env, int seconds)
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
     * A command in {@code directory} with only these EMS variables (none of the test JVM's own), the tests' Java as
     * {@code JAVA_HOME}, output and errors together.
     */
    static ProcessBuilder process(Path directory, List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("EMS_"));
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.redirectErrorStream(true);
    }
}
