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
 * The services of a launcher that died without stopping them (killed with -9, a power cut of the launcher alone):
 * Payara Micro, the broker and the embedded PostgreSQL. Two lines of defence: a guard, a small shell process started
 * first, stops them as soon as the launcher is gone (it cannot be told: SIGKILL); and the next launcher, once it holds
 * the home's lock (so no launcher of this home is alive), waits for that guard and ends whatever still runs before it
 * starts anything. No port stays taken and no manual clean-up is needed. A process is ended only when its command
 * line names this home.
 */
final class Leftovers {

    private static final Logger LOG = Logger.getLogger(Leftovers.class.getName());

    private Leftovers() {}

    /** Where the launcher notes its guard's process. */
    static final String GUARD_PID = "guard.pid";

    /**
     * The guard: polls the launcher (its first argument) every half second; once it is gone, stops the services
     * whose pid files are in the home (its second argument) as the launcher would have: SIGTERM to Payara Micro and the
     * broker, a fast shutdown (SIGINT) to PostgreSQL. It ignores Ctrl-C, which the launcher handles.
     */
    private static final String GUARD = """
            trap '' INT HUP
            while kill -0 "$1" 2>/dev/null && [ "$(cut -d ' ' -f 3 /proc/$1/stat 2>/dev/null)" != Z ]; do sleep 0.5; done
            ours() { [ -n "$1" ] && tr '\\0' ' ' < /proc/$1/cmdline 2>/dev/null | grep -qF "$2"; }
            pid() { [ -f "$1" ] && head -n 1 "$1"; }
            for f in "$2"/run/micro*.pid; do p=$(pid "$f"); ours "$p" "$2/micro" && kill -TERM "$p"; done
            for f in "$2"/run/broker*.pid; do p=$(pid "$f"); ours "$p" "$2/run" && kill -TERM "$p"; done
            p=$(pid "$2/postgres/postmaster.pid"); ours "$p" "$2/postgres" && kill -INT "$p"
            exit 0
            """;

    /** Starts the guard of this launcher. */
    static void guard(InstallationHome home) throws IOException {
        Process guard = new ProcessBuilder(
                        "/bin/sh",
                        "-c",
                        GUARD,
                        "ems-guard",
                        Long.toString(ProcessHandle.current().pid()),
                        home.root().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.directory("logs").resolve("guard.log").toFile()))
                .start();
        Files.writeString(home.directory("run").resolve(GUARD_PID), Long.toString(guard.pid()));
    }

    /** Ends the guard: the launcher stops its services itself. */
    static void unguard(InstallationHome home) {
        firstLine(home.root().resolve("run").resolve(GUARD_PID))
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains("ems-guard"))
                        .orElse(true))
                .ifPresent(ProcessHandle::destroy);
    }

    /**
     * Ends what a dead launcher of this home left running, once its guard is done: Payara Micro first (the clients),
     * then the broker, then PostgreSQL.
     */
    static void end(InstallationHome home) throws IOException {
        end(home, "of an earlier run is still running", "its launcher ended without stopping it; stopping it now");
    }

    /** Ends what this launcher was still starting when it was told to stop (the supervisor knows only started ones). */
    static void endStarting(InstallationHome home) throws IOException {
        end(home, "was still starting", "stopping it");
    }

    private static void end(InstallationHome home, String state, String action) throws IOException {
        Path root = home.root();
        firstLine(root.resolve("run").resolve(GUARD_PID))
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(root.toString()))
                        .orElse(false))
                .ifPresent(guard -> waitFor(guard, Duration.ofSeconds(60)));
        for (Path pidFile : pidFiles(root, "micro")) {
            end(
                    "Payara Micro " + state,
                    action,
                    firstLine(pidFile),
                    root.resolve("micro").toString());
        }
        for (Path pidFile : pidFiles(root, "broker")) {
            end(
                    "The broker " + state,
                    action,
                    firstLine(pidFile),
                    root.resolve("run").toString());
        }
        // PostgreSQL's own pid file; its command line names the data directory (-D <home>/postgres)
        end(
                "PostgreSQL " + state,
                action,
                firstLine(root.resolve("postgres").resolve("postmaster.pid")),
                root.resolve("postgres").toString());
    }

    /** The pid files of every instance of a service ({@code micro.pid}, {@code micro-2.pid}, ...). */
    private static List<Path> pidFiles(Path root, String service) throws IOException {
        Path run = root.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (var files = Files.list(run)) {
            return files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(service) && name.endsWith(".pid");
                    })
                    .toList();
        }
    }

    private static void end(String what, String action, Optional<Long> pid, String mark) {
        pid.flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p ->
                        p.info().commandLine().map(line -> line.contains(mark)).orElse(false))
                .ifPresent(process -> {
                    LOG.warning(() -> what + " (pid " + process.pid() + "): " + action);
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
