package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Monitoring's own copy of the devices, kept from device events, with each device's limits over time. */
public interface DeviceReplica {

    Optional<MonitoredDevice> find(UUID id);

    /** The devices monitoring knows among {@code ids} (tombstones included). */
    Map<UUID, MonitoredDevice> findAll(Collection<UUID> ids);

    /** Stores the device unless the copy held is as new or newer (a stale or repeated event); true when stored. */
    boolean putIfNewer(MonitoredDevice device);

    /** Records the device's limit as in force from {@code from} on ({@link LimitHistory#ALWAYS} for its first). */
    void limitFrom(UUID id, Instant from, BigDecimal maxHourlyKwh);

    /** Devices with a budget whose readings arrived since their budget was last checked. */
    java.util.List<MonitoredDevice> budgeted();

    /** Records that the device's budget was checked with what had arrived by {@code at}. */
    void budgetChecked(UUID id, Instant at);

    /** Each device's limit history. */
    Map<UUID, LimitHistory> limits(Collection<UUID> ids);
}
