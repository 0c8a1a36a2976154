package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Monitoring's copy of a device: what booking and alerting need.
 *
 * @param version the version of the device event (or snapshot entry) it was last set from
 * @param ownerId who is alerted, or null while unassigned
 * @param deleted a tombstone: its readings are kept but no longer booked
 */
public record MonitoredDevice(
        UUID id, long version, String name, UUID ownerId, BigDecimal maxHourlyKwh, ZoneId zone, boolean deleted) {}
