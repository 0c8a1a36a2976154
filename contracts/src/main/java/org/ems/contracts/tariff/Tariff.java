package org.ems.contracts.tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ems.contracts.access.Rejected;

/**
 * A tariff: a currency and dated versions, each a default price per kWh and time-of-use rates by weekday and whole
 * local hours. An hour is priced by the version valid on its local start date (the latest {@code validFrom} on or
 * before it) and the rate covering its local start time, else the version's price: so a new version never alters past
 * hours, and each of a clock change's 23 or 25 hours is priced by its own local time.
 */
public record Tariff(UUID id, String name, Currency currency, List<Version> versions) {

    private static final String PRICE = "a price is a number of at least 0 with at most 6 decimals";

    /** Prices from {@code validFrom} (a local date) until the next version. */
    public record Version(LocalDate validFrom, BigDecimal price, List<Rate> rates) {}

    /**
     * A price for the hours from {@code fromHour} (included) to {@code toHour} (excluded, up to 24) of these weekdays.
     */
    public record Rate(Set<DayOfWeek> days, int fromHour, int toHour, BigDecimal price) {

        public Rate {
            days = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        }

        boolean covers(LocalDateTime localStart) {
            int hour = localStart.getHour();
            return days.contains(localStart.getDayOfWeek()) && hour >= fromHour && hour < toHour;
        }
    }

    public Tariff {
        versions = versions.stream()
                .sorted(Comparator.comparing(Version::validFrom))
                .toList();
    }

    /** The price per kWh of the hour that starts at this local time; empty before the first version. */
    public Optional<BigDecimal> priceAt(LocalDateTime localStart) {
        Version valid = null;
        for (Version version : versions) {
            if (!version.validFrom().isAfter(localStart.toLocalDate())) {
                valid = version;
            }
        }
        if (valid == null) {
            return Optional.empty();
        }
        return Optional.of(valid.rates().stream()
                .filter(rate -> rate.covers(localStart))
                .map(Rate::price)
                .findFirst()
                .orElse(valid.price()));
    }

    /** What {@code kwh} cost at {@code price}: rounded half-even, once, to the currency's minor unit. */
    public BigDecimal cost(BigDecimal kwh, BigDecimal price) {
        return kwh.multiply(price).setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
    }

    /** What is wrong with this tariff, field by field; empty when nothing. */
    public List<Rejected.FieldError> problems() {
        List<Rejected.FieldError> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new Rejected.FieldError("name", "name must have 1 to 200 characters"));
        }
        if (versions.isEmpty()) {
            problems.add(new Rejected.FieldError("versions", "a tariff needs at least one version"));
        }
        for (int v = 0; v < versions.size(); v++) {
            Version version = versions.get(v);
            String at = "versions[" + v + "]";
            if (v > 0 && version.validFrom().equals(versions.get(v - 1).validFrom())) {
                problems.add(new Rejected.FieldError(at, "two versions are valid from " + version.validFrom()));
            }
            if (!isPrice(version.price())) {
                problems.add(new Rejected.FieldError(at + ".price", PRICE));
            }
            for (int r = 0; r < version.rates().size(); r++) {
                Rate rate = version.rates().get(r);
                if (rate.fromHour() < 0 || rate.toHour() > 24 || rate.fromHour() >= rate.toHour()) {
                    problems.add(new Rejected.FieldError(
                            at + ".rates[" + r + "]",
                            "from and to are whole hours, from before to (24:00 ends a day)"));
                }
                if (!isPrice(rate.price())) {
                    problems.add(new Rejected.FieldError(at + ".rates[" + r + "].price", PRICE));
                }
                for (int o = 0; o < r; o++) {
                    if (overlap(rate, version.rates().get(o))) {
                        problems.add(new Rejected.FieldError(at + ".rates[" + r + "]", "overlaps rates[" + o + "]"));
                    }
                }
            }
        }
        return problems;
    }

    private static boolean isPrice(BigDecimal price) {
        return price != null
                && price.signum() >= 0
                && price.stripTrailingZeros().scale() <= 6
                && price.precision() <= 18;
    }

    private static boolean overlap(Rate a, Rate b) {
        Set<DayOfWeek> both = EnumSet.copyOf(a.days());
        both.retainAll(b.days());
        return !both.isEmpty() && a.fromHour() < b.toHour() && b.fromHour() < a.toHour();
    }
}
