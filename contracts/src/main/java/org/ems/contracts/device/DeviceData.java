package org.ems.contracts.device;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

/**
 * A device as other modules see it.
 *
 * @param ownerId the owning user, or null while unassigned
 * @param timeZone the IANA zone its clock hours are counted in
 * @param tariffId the tariff its hours are priced by, or null
 * @param monthlyBudget what a month may consume, or null
 * @param silentAfter how long it may send nothing before it is alerted as silent, or null for the setting
 *     {@code ems.silent-after}
 */
public record DeviceData(
        UUID id,
        String name,
        String description,
        String address,
        BigDecimal maxHourlyKwh,
        UUID ownerId,
        String timeZone,
        UUID tariffId,
        MonthlyBudget monthlyBudget,
        Duration silentAfter) {}
