package org.ems.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Processes a launcher of this {@code EMS_HOME} left running when it died without stopping them (killed with -9, a
 * power cut of the launcher alone): Payara Micro and the embedded PostgreSQL. The next launcher, once it holds the
 * home's lock (so no launcher of this home is alive), ends them before it starts anything: no port stays taken and
 * no manual clean-up is needed. A process is ended only when its command line names this home.
 */
final class Leftovers {

    private static final Logger LOG = Logger.getLogger(Leftovers.class.getName());

    /** Where the launcher notes the Payara Micro process it started. */
    static final String MICRO_PID = "micro.pid";

    private Leftovers() {}

    /** Notes the Payara Micro process of this run. */
    static void started(InstallationHome home, Process micro) throws IOException {
        Files.writeString(home.directory("run").resolve(MICRO_PID), Long.toString(micro.pid()));
    }

    /** Ends what a dead launcher of this home left running: Payara Micro first (the database's client), then PostgreSQL. */
    static void end(InstallationHome home) throws IOException {
        Path root = home.root();
        end(
                "Payara Micro",
                firstLine(root.resolve("run").resolve(MICRO_PID)),
                root.resolve("micro").toString());
        // PostgreSQL's own pid file; its command line names the data directory (-D <home>/postgres)
        end(
                "PostgreSQL",
                firstLine(root.resolve("postgres").resolve("postmaster.pid")),
                root.resolve("postgres").toString());
    }

    private static void end(String what, Optional<Long> pid, String mark) {
        pid.flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p ->
                        p.info().commandLine().map(line -> line.contains(mark)).orElse(false))
                .ifPresent(process -> {
                    LOG.warning(() -> what + " of an earlier run is still running (pid " + process.pid()
                            + "): its launcher ended without stopping it; stopping it now");
                    process.destroy(); // SIGTERM: PostgreSQL shuts down fast and clean, Payara runs its hooks
                    if (!waitFor(process, Duration.ofSeconds(30))) {
                        process.destroyForcibly();
                        waitFor(process, Duration.ofSeconds(10));
                    }
                });
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Long> firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }
}
