package org.ems.simulator.faults;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The ways a fault run breaks EMS, in the order they are run, and how each is done and recovered from. */
enum Disruption {
    BROKER("kill -9 the broker"),
    PAYARA("kill -9 Payara Micro"),
    POSTGRES("kill -9 PostgreSQL"),
    DATABASE("PostgreSQL frozen"),
    LAUNCHER("kill -9 the launcher, ./ems run again"),
    OVERLOAD("three times the rate");

    final String title;

    Disruption(String title) {
        this.title = title;
    }

    /** How long the timed disruptions last, and the nominal rate the overload triples. */
    record Lengths(Duration outage, Duration overload, double rate) {}

    /** Breaks EMS this way; returns how long it took to be ready again. */
    Duration breakAndRecover(EmsUnderTest ems, FaultLoad load, Lengths lengths) throws Exception {
        int from = ems.consoleLines();
        Instant start = Instant.now();
        switch (this) {
            case BROKER -> ems.kill("run/broker.pid");
            case PAYARA -> ems.kill(ems.instances == 1 ? "run/micro.pid" : "run/micro-" + ems.instances + ".pid");
            case POSTGRES -> ems.kill("postgres/postmaster.pid");
            case DATABASE -> {
                freeze(ems, lengths.outage());
                start = Instant.now();
                ems.awaitReady();
                return Duration.between(start, Instant.now());
            }
            case LAUNCHER -> {
                List<ProcessHandle> services =
                        ems.processes().values().stream().flatMap(List::stream).toList();
                ems.killLauncher();
                try {
                    Awaitility.await()
                            .atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> services.stream().noneMatch(ProcessHandle::isAlive));
                } catch (ConditionTimeoutException e) {
                    throw new IllegalStateException("services of the killed launcher still running after 60 s: "
                            + services.stream()
                                    .filter(ProcessHandle::isAlive)
                                    .map(p -> p.pid() + " " + p.info().command().orElse("?"))
                                    .toList());
                }
                // told apart in the output: the old services' end, and the new launcher's start
                System.out.printf(
                        "  the killed launcher's services ended after %.1f s%n",
                        Duration.between(start, Instant.now()).toMillis() / 1000.0);
                ems.start();
                return Duration.between(start, Instant.now());
            }
            case OVERLOAD -> {
                load.rate(3 * lengths.rate());
                Thread.sleep(lengths.overload().toMillis());
                load.rate(lengths.rate());
                start = Instant.now();
                ems.awaitDrained();
                return Duration.between(start, Instant.now());
            }
        }
        // After the broker or PostgreSQL every instance says it, the last one last.
        ems.awaitConsole(from, "EMS ready again at " + ems.lastInstance());
        return Duration.between(start, Instant.now());
    }

    /** Every PostgreSQL process stopped for {@code outage} (connections hang, new ones time out); EMS must notice. */
    private static void freeze(EmsUnderTest ems, Duration outage) throws IOException, InterruptedException {
        List<ProcessHandle> postgres = ems.processes().get("PostgreSQL");
        signal("STOP", postgres);
        try {
            Instant until = Instant.now().plus(outage);
            boolean down = false;
            while (Instant.now().isBefore(until)) {
                down |= !ems.ready();
                Thread.sleep(1_000);
            }
            if (!down) {
                throw new IllegalStateException("/health/ready never said DOWN while PostgreSQL was frozen");
            }
        } finally {
            signal("CONT", postgres);
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
