package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.ems.contracts.tariff.TariffDirectory;
import org.ems.monitoring.domain.DayTotal;
import org.ems.monitoring.domain.Period;
import org.ems.monitoring.domain.Pricing;

/** Weeks, months and years of a device's consumption, priced by its tariff and compared ({@link PeriodSummary}). */
@Stateless
public class PeriodService {

    @Inject
    ConsumptionService consumption;

    @Inject
    TariffDirectory tariffs;

    /**
     * The period of {@code kind} holding {@code day}, as of {@code today} in the device's zone.
     *
     * @param tariffId the device's tariff, or null
     */
    public PeriodSummary summary(
            UUID deviceId, ZoneId zone, UUID tariffId, Period.Kind kind, LocalDate day, LocalDate today) {
        Pricing pricing = Pricing.of(tariffId, tariffs);
        Period period = Period.of(kind, day);
        int compared = period.daysSoFar(today);
        List<Priced> days = days(deviceId, zone, pricing, period);
        Priced now = sum(days.subList(0, compared));
        Integer vsPrevious = change(now, deviceId, zone, period.previous(), compared);
        Integer vsYearBefore = kind == Period.Kind.YEAR
                ? vsPrevious // the year before is the previous period
                : change(now, deviceId, zone, period.yearBefore(), compared);
        return new PeriodSummary(
                period,
                bars(kind, days),
                now.kwh(),
                now.cost(),
                pricing.currency(),
                compared,
                vsPrevious,
                vsYearBefore);
    }

    /** A day's kWh and cost. */
    private record Priced(LocalDate date, BigDecimal kwh, BigDecimal cost) {}

    private List<Priced> days(UUID deviceId, ZoneId zone, Pricing pricing, Period period) {
        return consumption.days(deviceId, period.start(), period.end().minusDays(1), zone).stream()
                .map(d -> new Priced(d.date(), DayTotal.of(d.date(), d.hours()).kwh(), pricing.cost(d.hours())))
                .toList();
    }

    /** The change of {@code now} against the first {@code compared} days of {@code before} (all, if it is shorter). */
    private Integer change(Priced now, UUID deviceId, ZoneId zone, Period before, int compared) {
        BigDecimal kwh = consumption.days(deviceId, before.start(), before.end().minusDays(1), zone).stream()
                .limit(compared)
                .map(d -> DayTotal.of(d.date(), d.hours()).kwh())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Period.change(now.kwh(), kwh);
    }

    private static Priced sum(List<Priced> days) {
        BigDecimal kwh = days.stream().map(Priced::kwh).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = days.stream()
                .map(Priced::cost)
                .filter(Objects::nonNull)
                .reduce(BigDecimal::add)
                .orElse(null);
        return new Priced(null, kwh, cost);
    }

    /** A bar per day; a year's, per month. */
    private static List<PeriodSummary.Bar> bars(Period.Kind kind, List<Priced> days) {
        Map<LocalDate, List<Priced>> grouped = new LinkedHashMap<>();
        days.forEach(d -> grouped.computeIfAbsent(
                        kind == Period.Kind.YEAR ? d.date().withDayOfMonth(1) : d.date(), k -> new ArrayList<>())
                .add(d));
        List<PeriodSummary.Bar> bars = new ArrayList<>();
        grouped.forEach((start, of) -> {
            Priced total = sum(of);
            bars.add(new PeriodSummary.Bar(start, total.kwh(), total.cost()));
        });
        return bars;
    }
}
