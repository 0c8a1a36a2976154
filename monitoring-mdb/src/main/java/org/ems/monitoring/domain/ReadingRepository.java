package org.ems.monitoring.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;

/** Devices' stored readings and quarter totals. Every change happens in the caller's transaction, under {@link #lock}. */
public interface ReadingRepository {

    /**
     * Serializes all changes of these devices until the transaction ends: readings of one device in flight at once
     * are applied one after another, each seeing the others' effect.
     */
    void lock(Collection<UUID> deviceIds);

    /** Each device's stored readings in its window and the one on each side, in time order (empty when none). */
    Map<UUID, List<RegisterReading>> around(Map<UUID, ReadingWindow> windows);

    /** All stored readings of a device, in time order. */
    List<RegisterReading> all(UUID deviceId);

    /** The time of each device's newest stored reading (devices without any left out). */
    Map<UUID, Instant> latest(Collection<UUID> deviceIds);

    /** Stores new readings; one already stored is an error (the caller's merge saw every stored one). */
    void insert(Map<UUID, List<RegisterReading>> readings);

    /** Adds changes to devices' quarter totals. */
    void book(Map<UUID, Map<Instant, QuarterTotal>> changes);

    /** A device's quarter totals in {@code [from, to)}. */
    NavigableMap<Instant, QuarterTotal> quarters(UUID deviceId, Instant from, Instant to);

    /** Each device's clock hours with their quarter totals. */
    Map<UUID, Map<ClockHours.Hour, NavigableMap<Instant, QuarterTotal>>> hours(
            Map<UUID, ? extends Collection<ClockHours.Hour>> hours);
}
