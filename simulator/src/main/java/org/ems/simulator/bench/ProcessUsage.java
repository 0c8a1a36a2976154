package org.ems.simulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ems.simulator.client.EmsProcesses;

/**
 * CPU time and resident memory of each EMS process group (the launcher, the broker, Payara Micro, PostgreSQL with all
 * its backends) at one moment. Memory is the proportional set size: a page shared by several processes (PostgreSQL's
 * shared buffers are in every backend) is counted once over all of them.
 */
final class ProcessUsage {

    private record Usage(Duration cpu, long pssKib) {}

    /**
     * The whole machine's CPU since boot (Linux): jiffies busy and in all, and microseconds in which some task waited
     * for a core ({@code /proc/pressure/cpu}); zeros where the files are missing.
     */
    private record Machine(long busy, long all, long waitedMicros) {

        static Machine now() {
            try {
                long[] j = Arrays.stream(
                                Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+"))
                        .skip(1)
                        .limit(8) // user nice system idle iowait irq softirq steal
                        .mapToLong(Long::parseLong)
                        .toArray();
                String some = Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0);
                return new Machine(
                        j[0] + j[1] + j[2] + j[5] + j[6] + j[7],
                        Arrays.stream(j).sum(),
                        Long.parseLong(some.substring(some.indexOf("total=") + 6)));
            } catch (IOException | RuntimeException unavailable) {
                return new Machine(0, 0, 0);
            }
        }
    }

    private final Path home;
    private final Map<String, Usage> groups;
    private final Machine machine;

    private ProcessUsage(Path home, Map<String, Usage> groups, Machine machine) {
        this.home = home;
        this.groups = groups;
        this.machine = machine;
    }

    static ProcessUsage of(Path home) {
        Map<String, Usage> groups = new LinkedHashMap<>();
        EmsProcesses.of(home).forEach((name, processes) -> {
            Duration cpu = Duration.ZERO;
            for (ProcessHandle p : processes) {
                cpu = cpu.plus(p.info().totalCpuDuration().orElse(Duration.ZERO));
            }
            groups.put(name, new Usage(cpu, EmsProcesses.pssKib(processes)));
        });
        return new ProcessUsage(home, groups, Machine.now());
    }

    /**
     * Prints each group's CPU share over the {@code seconds} since this sample, and its memory now; returns the CPU
     * time each used meanwhile.
     */
    Map<String, Duration> printSince(double seconds) {
        ProcessUsage later = of(home);
        Map<String, Usage> after = later.groups;
        Map<String, Duration> cpu = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder("  CPU (100% = one core) and resident memory (PSS):");
        after.forEach((name, now) -> {
            Duration used = now.cpu()
                    .minus(groups.getOrDefault(name, new Usage(Duration.ZERO, 0))
                            .cpu());
            cpu.put(name, used);
            line.append(
                    String.format(" %s %.0f%% %,d MiB;", name, used.toNanos() / 1e7 / seconds, now.pssKib() / 1024));
        });
        long total = after.values().stream().mapToLong(Usage::pssKib).sum();
        System.out.println(line.append(String.format(" all together %,d MiB", total / 1024)));
        Machine end = later.machine;
        if (end.all() > machine.all()) {
            // Whether the machine had a core to spare: a saturated one makes every message wait its turn.
            System.out.printf(
                    "  the machine: busy %.0f%% of its %d cores, some task waiting for a core %.0f%% of the time%n",
                    100.0 * (end.busy() - machine.busy()) / (end.all() - machine.all()),
                    Runtime.getRuntime().availableProcessors(),
                    (end.waitedMicros() - machine.waitedMicros()) / 1e4 / seconds);
        }
        return cpu;
    }
}
