package org.ems.monitoring.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upkeep of raw readings, a minute after start and then every hour: the months of readings are made ahead (this
 * one and the next two; a reading of a later or an earlier month waits in the default partition until its month is
 * made), and with {@code ems.retention.readings} (an ISO period, P400D) the readings older than that are removed, a
 * whole month at a time. Hourly totals, alerts and chat are kept whatever the retention. Every instance runs it; the
 * database takes them one at a time, and a second run finds nothing left to do.
 */
@Singleton
@Startup
public class ReadingUpkeep {

    private static final Logger LOG = Logger.getLogger(ReadingUpkeep.class.getName());

    @Inject
    ReadingMonths months;

    @Inject
    @ConfigProperty(name = "ems.retention.readings")
    Optional<String> retention;

    @Inject
    Event<ReadingsRemoved> removed;

    @Resource
    TimerService timers;

    @PostConstruct
    void soonAfterStart() {
        timers.createSingleActionTimer(60_000, new TimerConfig(null, false));
    }

    @Timeout
    void afterStart() {
        upkeep(Instant.now());
    }

    @Schedule(hour = "*", minute = "7", persistent = false)
    void hourly() {
        upkeep(Instant.now());
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
