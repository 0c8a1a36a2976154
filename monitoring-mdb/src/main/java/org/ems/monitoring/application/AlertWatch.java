package org.ems.monitoring.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link Warnings} every 30 seconds, so a meter is alerted silent within 60 s of its silence time. A failed
 * run is tried again at the next (an exception would end the schedule).
 */
@ApplicationScoped
public class AlertWatch {

    private static final Logger LOG = Logger.getLogger(AlertWatch.class.getName());

    /** Seconds between runs. */
    static final int EVERY = 30;

    @Inject
    Warnings warnings;

    // Not EJB timers: those need Payara's data grid even when not persistent, and every instance runs this anyway.
    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How many meters are silent, as of the last run (-1 before the first): {@code ems_meters_silent}. */
    private volatile int silent = -1;

    void schedule(@Observes Startup startup) {
        scheduler.scheduleAtFixedRate(this::watch, EVERY, EVERY, TimeUnit.SECONDS);
    }

    private void watch() {
        Instant now = Instant.now();
        run("silent meters", () -> silent = warnings.silence(now));
        run("projections of ended hours", () -> warnings.settleProjections(now));
        run("budgets", () -> warnings.budgeted().forEach(device -> warnings.checkBudget(device, now)));
    }

    private static void run(String what, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The check of " + what + " failed; it runs again in " + EVERY + " s", e);
        }
    }

    public int silentMeters() {
        return silent;
    }
}
