package org.ems.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Keeps the services of {@code ./ems run} running, each a process of its own: when one dies (not stopped by us), says
 * so and starts it again after a back-off (1, 2, 4, 8, 16 s) while the others carry on (they reconnect); then says
 * when EMS is ready again. After {@value #MAX_RESTARTS} restarts of one service within 10 minutes it gives up, says
 * why, stops the rest cleanly and ends with status 1.
 */
final class Supervisor {

    private static final Logger LOG = Logger.getLogger(Supervisor.class.getName());

    /** Restarts of one service allowed within 10 minutes. */
    static final int MAX_RESTARTS = 5;

    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** A supervised service: how to start it, and the running instance. */
    static final class Service {
        final String name;
        final String log;
        private final Callable<? extends Supervised> starter;
        private final Deque<Instant> restarts = new ArrayDeque<>();
        private volatile Supervised running;

        Service(String name, String log, Callable<? extends Supervised> starter) {
            this.name = name;
            this.log = log;
            this.starter = starter;
        }

        Supervised running() {
            return running;
        }
    }

    /** What tells that EMS is ready again after a restart (Payara's readiness), and prints it. */
    interface Readiness {
        void awaitReadyAgain(Service restarted) throws Exception;
    }

    private final List<Service> services = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Duration unit;
    private final Runnable giveUp;

    /** As {@code ./ems run} supervises: back-off in seconds; giving up ends the JVM with status 1 (its hook stops the rest). */
    Supervisor() {
        this(Duration.ofSeconds(1), () -> System.exit(1));
    }

    /**
     * @param unit the first back-off, doubled at each restart within the window
     * @param giveUp what happens when a service cannot be kept running
     */
    Supervisor(Duration unit, Runnable giveUp) {
        this.unit = unit;
        this.giveUp = giveUp;
    }

    /** Starts the service (returns once it is up) and supervises it from then on. */
    Service start(String name, String log, Callable<? extends Supervised> starter) throws Exception {
        Service service = new Service(name, log, starter);
        service.running = starter.call();
        services.add(service);
        return service;
    }

    /** The services, in the order they started. */
    List<Service> services() {
        return List.copyOf(services);
    }

    /** Watches the services until {@link #stop()}, or until it gives up on one (having said why). */
    void watch(Readiness readiness) throws Exception {
        while (!stopping.get()) {
            List<CompletableFuture<Service>> exits = new ArrayList<>();
            for (Service service : services) {
                exits.add(service.running.process().onExit().thenApply(gone -> service));
            }
            Service died = (Service) CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new))
                    .join();
            // Ctrl-C reaches the services too: give the shutdown hook the moment it needs to say it is stopping.
            Thread.sleep(unit.toMillis() / 2);
            if (stopping.get()) {
                return;
            }
            if (!restart(died)) {
                giveUp.run();
                return;
            }
            try {
                readiness.awaitReadyAgain(died);
            } catch (Exception notReady) {
                System.err.println("ems: EMS did not become ready again: " + notReady.getMessage());
            }
        }
    }

    /** Restarts the service after its back-off; false when it has been restarted too often. */
    private boolean restart(Service service) throws Exception {
        while (true) {
            Instant now = Instant.now();
            while (!service.restarts.isEmpty() && service.restarts.peekFirst().isBefore(now.minus(WINDOW))) {
                service.restarts.pollFirst();
            }
            if (service.restarts.size() >= MAX_RESTARTS) {
                System.err.println("ems: " + service.name + " cannot be kept running (" + MAX_RESTARTS
                        + " restarts within 10 minutes); giving up and stopping EMS, see " + service.log);
                return false;
            }
            service.restarts.addLast(now);
            Duration backoff = unit.multipliedBy(1L << (service.restarts.size() - 1));
            System.err.println("ems: " + service.name + " stopped unexpectedly; restarting it in " + words(backoff)
                    + " (restart " + service.restarts.size() + " of " + MAX_RESTARTS + " allowed in 10 minutes); see "
                    + service.log);
            Thread.sleep(backoff.toMillis());
            if (stopping.get()) {
                return true;
            }
            try {
                service.running.close(); // what the dead instance still holds (PostgreSQL: its lock on the data)
            } catch (Exception ignored) {
                // it is gone: there is nothing left to stop
            }
            try {
                service.running = service.starter.call();
                LOG.info(() -> service.name + " is running again");
                return true;
            } catch (Exception failed) {
                System.err.println("ems: " + service.name + " did not start again: " + failed);
            }
        }
    }

    private static String words(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Stops every service, the last started first. */
    void stop() {
        stopping.set(true);
        List<Service> reverse = new ArrayList<>(services);
        Collections.reverse(reverse);
        for (Service service : reverse) {
            Supervised running = service.running;
            if (running != null && running.process().isAlive()) {
                try {
                    running.close();
                } catch (Exception e) {
                    LOG.warning(() -> "Stopping " + service.name + " failed: " + e);
                }
            }
        }
    }
}
