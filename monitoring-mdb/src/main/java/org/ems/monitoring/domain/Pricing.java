package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.ems.contracts.tariff.Tariff;
import org.ems.contracts.tariff.TariffDirectory;

/**
 * A device's hours priced by its tariff (for the API, the pages and budgets alike) ({@link Tariff}'s rule): each hour's price and cost, and the cost of many
 * hours as the sum of theirs. Without a tariff (or before its first version) there is no price and no cost.
 *
 * @param tariff null: the device has none
 */
public record Pricing(Tariff tariff) {

    /** How a device's hours are priced: by its tariff, if it has one (one that is gone prices nothing). */
    public static Pricing of(UUID tariffId, TariffDirectory tariffs) {
        return new Pricing(tariffId == null ? null : tariffs.tariff(tariffId).orElse(null));
    }

    /** ISO 4217; null without a tariff. */
    public String currency() {
        return tariff == null ? null : tariff.currency().getCurrencyCode();
    }

    /** The price per kWh of the hour (at its local start, in the device's zone); null when there is none. */
    public BigDecimal price(HourTotal hour) {
        return tariff == null
                ? null
                : tariff.priceAt(hour.start().toLocalDateTime()).orElse(null);
    }

    /** The hour's cost; null when it has no price. */
    public BigDecimal cost(HourTotal hour) {
        BigDecimal price = price(hour);
        return price == null ? null : tariff.cost(hour.kwh(), price);
    }

    /** The sum of the costs of the hours that have one; null when none has. */
    public BigDecimal cost(List<HourTotal> hours) {
        return hours.stream()
                .map(this::cost)
                .filter(Objects::nonNull)
                .reduce(BigDecimal::add)
                .orElse(null);
    }
}
