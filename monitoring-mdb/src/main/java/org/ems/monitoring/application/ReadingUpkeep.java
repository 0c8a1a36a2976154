package org.ems.monitoring.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upkeep of raw readings, a minute after start and then every hour ({@code ems.retention.upkeep-every}): the months of readings are made ahead (this
 * one and the next two; a reading of a later or an earlier month waits in the default partition until its month is
 * made), and with {@code ems.retention.readings} (an ISO period, P400D) the readings older than that are removed, a
 * whole month at a time. Hourly totals, alerts and chat are kept whatever the retention. Every instance runs it; the
 * database takes them one at a time, and a second run finds nothing left to do.
 */
@ApplicationScoped
public class ReadingUpkeep {

    private static final Logger LOG = Logger.getLogger(ReadingUpkeep.class.getName());

    @Inject
    ReadingMonths months;

    @Inject
    @ConfigProperty(name = "ems.retention.readings")
    Optional<String> retention;

    @Inject
    Event<ReadingsRemoved> removed;

    // Not EJB timers: those need Payara's data grid even when not persistent, and every instance runs this anyway.
    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How often it runs ({@code ems.retention.upkeep-every}, checked by the launcher). */
    @Inject
    @ConfigProperty(name = "ems.retention.upkeep-every", defaultValue = "PT1H")
    String every;

    void schedule(@Observes Startup startup) {
        scheduler.scheduleAtFixedRate(this::upkeepNow, 60, Duration.parse(every).toSeconds(), TimeUnit.SECONDS);
    }

    /** A failed upkeep is tried again at the next run (an exception would end the schedule). */
    private void upkeepNow() {
        try {
            upkeep(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The upkeep of readings failed; it runs again in an hour", e);
        }
    }

    /** The upkeep as of {@code now}; returns the months removed. */
    public int upkeep(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        int made = months.prepare(month, month.plusMonths(2));
        if (made > 0) {
            LOG.info(() -> "Made " + made + " month(s) for readings, up to " + month.plusMonths(2));
        }
        Optional<Period> kept = retention.filter(text -> !text.isBlank()).map(Period::parse);
        if (kept.isEmpty()) {
            return 0;
        }
        Instant cutoff = now.atZone(ZoneOffset.UTC).minus(kept.get()).toInstant();
        int dropped = months.removeBefore(cutoff);
        if (dropped > 0) {
            LOG.info(() -> "Removed " + dropped + " month(s) of readings from before " + cutoff
                    + " (ems.retention.readings=" + retention.get() + ")");
        }
        removed.fire(new ReadingsRemoved(cutoff, dropped));
        return dropped;
    }
}
