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
        void awaitReadyAgain() throws Exception;
    }

    private final List<Service> services = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** Starts the service (returns once it is up) and supervises it from then on. */
    Service start(String name, String log, Callable<? extends Supervised> starter) throws Exception {
        Service service = new Service(name, log, starter);
        service.running = starter.call();
        services.add(service);
        return service;
    }

    /** Watches the services until {@link #stop()}; returns only then. Ends the JVM (status 1) when it gives up. */
    void watch(Readiness readiness) throws Exception {
        while (!stopping.get()) {
            List<CompletableFuture<Service>> exits = new ArrayList<>();
            for (Service service : services) {
                exits.add(service.running.process().onExit().thenApply(gone -> service));
            }
            Service died = (Service) CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new))
                    .join();
            // Ctrl-C reaches the services too: give the shutdown hook the moment it needs to say it is stopping.
            Thread.sleep(500);
            if (stopping.get()) {
                return;
            }
            restart(died);
            try {
                readiness.awaitReadyAgain();
            } catch (Exception notReady) {
                System.err.println("ems: EMS did not become ready again: " + notReady.getMessage());
            }
        }
    }

    private void restart(Service service) throws Exception {
        while (true) {
            Instant now = Instant.now();
            while (!service.restarts.isEmpty() && service.restarts.peekFirst().isBefore(now.minus(WINDOW))) {
                service.restarts.pollFirst();
            }
            if (service.restarts.size() >= MAX_RESTARTS) {
                System.err.println("ems: " + service.name + " cannot be kept running (" + MAX_RESTARTS
                        + " restarts within 10 minutes); giving up and stopping EMS, see " + service.log);
                System.exit(1); // the shutdown hook stops the rest
            }
            service.restarts.addLast(now);
            long backoff = 1L << (service.restarts.size() - 1);
            System.err.println("ems: " + service.name + " stopped unexpectedly; restarting it in " + backoff
                    + " s (restart " + service.restarts.size() + " of " + MAX_RESTARTS + " allowed in 10 minutes); see "
                    + service.log);
            Thread.sleep(backoff * 1000);
            if (stopping.get()) {
                return;
            }
            try {
                service.running.close(); // what the dead instance still holds (PostgreSQL: its lock on the data)
            } catch (Exception ignored) {
                // it is gone: there is nothing left to stop
            }
            try {
                service.running = service.starter.call();
                LOG.info(() -> service.name + " is running again");
                return;
            } catch (Exception failed) {
                System.err.println("ems: " + service.name + " did not start again: " + failed);
            }
        }
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

    boolean stopping() {
        return stopping.get();
    }
}
