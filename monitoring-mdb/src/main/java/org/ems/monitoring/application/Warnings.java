package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.tariff.TariffDirectory;
import org.ems.monitoring.domain.AlertRepository;
import org.ems.monitoring.domain.BudgetStages;
import org.ems.monitoring.domain.DeviceReplica;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.MonitoredDevice;
import org.ems.monitoring.domain.Pricing;

/**
 * The warnings that come with time rather than with a reading, each run in a transaction of its own: meters gone
 * silent, projections of hours that ended, and the budgets of devices whose readings arrived since their last check.
 * Every instance runs them ({@link AlertWatch}); the alerts' unique key lets one raise each alert.
 */
@Stateless
public class Warnings {

    @Inject
    AlertRepository alerts;

    @Inject
    DeviceReplica devices;

    @Inject
    ConsumptionService consumption;

    @Inject
    TariffDirectory tariffs;

    @Inject
    Bookkeeping bookkeeping;

    /** The silence time of devices without their own ({@code ems.silent-after}, checked by the launcher). */
    @Inject
    @ConfigProperty(name = "ems.silent-after", defaultValue = "PT1H")
    String silentAfter;

    /** Raises the meters silent by {@code now}; returns how many meters are silent. */
    public int silence(Instant now) {
        tell(alerts.silence(now, Duration.parse(silentAfter)));
        return alerts.silentMeterCount();
    }

    /** Withdraws the projections of the hours that ended within their limit. */
    public void settleProjections(Instant now) {
        tell(alerts.settleProjections(now));
    }

    /** The devices with a budget whose readings arrived since their last check. */
    public List<MonitoredDevice> budgeted() {
        return devices.budgeted();
    }

    /**
     * Checks one device's budget as of {@code now}, in a transaction of its own (its activity row stays locked only
     * that long: readings of the device wait for no other device's check).
     */
    public void checkBudget(MonitoredDevice device, Instant now) {
        ZonedDateTime local = now.atZone(device.zone());
        YearMonth month = YearMonth.from(local);
        Pricing pricing = Pricing.of(device.tariffId(), tariffs);
        if (!device.budget().inMoney() || pricing.tariff() != null) {
            List<HourTotal> hours = hoursSoFar(device, month, local.toLocalDate());
            BigDecimal soFar = device.budget().inMoney()
                    ? Optional.ofNullable(pricing.cost(hours)).orElse(BigDecimal.ZERO)
                    : hours.stream().map(HourTotal::kwh).reduce(BigDecimal.ZERO, BigDecimal::add);
            int scale = device.budget().inMoney() ? pricing.tariff().currency().getDefaultFractionDigits() : 3;
            for (AlertFacts.Budget due : BudgetStages.due(device.budget(), soFar, scale, pricing.currency(), local)) {
                bookkeeping.tell(device, alerts.budget(device, month.atDay(1).atStartOfDay(device.zone()), due));
            }
        }
        devices.budgetChecked(device.id(), now);
    }

    /** The hours of the month's days up to {@code today}. */
    private List<HourTotal> hoursSoFar(MonitoredDevice device, YearMonth month, LocalDate today) {
        return consumption.days(device.id(), month.atDay(1), today, device.zone()).stream()
                .flatMap(day -> day.hours().stream())
                .toList();
    }

    private void tell(List<AlertMessage> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Map<UUID, MonitoredDevice> known =
                devices.findAll(changed.stream().map(AlertMessage::deviceId).toList());
        changed.forEach(alert -> bookkeeping.tell(known.get(alert.deviceId()), Optional.of(alert)));
    }
}
