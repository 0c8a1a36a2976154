package org.ems.simulator.bench;

import java.nio.file.Path;
import java.time.Duration;
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

    private final Path home;
    private final Map<String, Usage> groups;

    private ProcessUsage(Path home, Map<String, Usage> groups) {
        this.home = home;
        this.groups = groups;
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
        return new ProcessUsage(home, groups);
    }

    /**
     * Prints each group's CPU share over the {@code seconds} since this sample, and its memory now; returns the CPU
     * time each used meanwhile.
     */
    Map<String, Duration> printSince(double seconds) {
        Map<String, Usage> after = of(home).groups;
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
        return cpu;
    }
}
