package org.ems.simulator.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The processes of an EMS that {@code ./ems run} started on a home, by service, found by the home's pid files. */
public final class EmsProcesses {

    private EmsProcesses() {}

    /**
     * The launcher, the broker (with its backup, if any), Payara Micro (every instance) and PostgreSQL (each with its
     * children); a service not running: empty.
     */
    public static Map<String, List<ProcessHandle>> of(Path home) {
        Map<String, List<ProcessHandle>> services = new LinkedHashMap<>();
        services.put("launcher", alone(pid(home.resolve("ems.lock"))));
        services.put(
                "broker",
                all(home, "broker").stream().flatMap(p -> alone(p).stream()).toList());
        services.put(
                "Payara Micro",
                all(home, "micro").stream()
                        .flatMap(p -> withChildren(p).stream())
                        .toList());
        services.put("PostgreSQL", withChildren(pid(home.resolve("postgres/postmaster.pid"))));
        return services;
    }

    /** The live processes of a service's pid files ({@code run/micro.pid}, {@code run/micro-2.pid}, ...). */
    private static List<Optional<ProcessHandle>> all(Path home, String service) {
        try (Stream<Path> files = Files.list(home.resolve("run"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(service)
                            && f.getFileName().toString().endsWith(".pid"))
                    .sorted()
                    .map(EmsProcesses::pid)
                    .toList();
        } catch (IOException | java.io.UncheckedIOException none) {
            return List.of();
        }
    }

    /** The live process whose pid is the first line of the file. */
    public static Optional<ProcessHandle> pid(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst()
                    .map(String::trim)
                    .map(Long::parseLong)
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException none) {
            return Optional.empty();
        }
    }

    /**
     * The proportional set size of the processes in KiB: a page shared by several (PostgreSQL's shared buffers are in
     * every backend) is counted once over all of them.
     */
    public static long pssKib(List<ProcessHandle> processes) {
        long pss = 0;
        for (ProcessHandle p : processes) {
            try (Stream<String> status = Files.lines(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"))) {
                pss += status.filter(l -> l.startsWith("Pss:"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                        .sum();
            } catch (IOException | java.io.UncheckedIOException gone) {
                // a backend that ended meanwhile
            }
        }
        return pss;
    }

    private static List<ProcessHandle> alone(Optional<ProcessHandle> process) {
        return process.stream().toList();
    }

    private static List<ProcessHandle> withChildren(Optional<ProcessHandle> process) {
        return process.stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .toList();
    }
}
