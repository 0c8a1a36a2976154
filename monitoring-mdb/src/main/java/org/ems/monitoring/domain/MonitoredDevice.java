package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.ems.contracts.device.MonthlyBudget;

/**
 * Monitoring's copy of a device: what booking and alerting need.
 *
 * @param version the version of the device event (or snapshot entry) it was last set from
 * @param ownerId who is alerted, or null while unassigned
 * @param deleted a tombstone: its readings are kept but no longer booked
 * @param tariffId its tariff (for a budget in money), or null
 * @param budget its monthly budget, or null
 * @param silentAfter its own silence time, or null for the setting
 */
public record MonitoredDevice(
        UUID id,
        long version,
        String name,
        UUID ownerId,
        BigDecimal maxHourlyKwh,
        ZoneId zone,
        boolean deleted,
        UUID tariffId,
        MonthlyBudget budget,
        Duration silentAfter) {}
