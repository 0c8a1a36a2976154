package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the hour in progress is heading: its consumption so far plus the rate of the readings of the last 15 minutes
 * times what is left of the hour after the last of them. Only for the hour in progress by the server's clock, with at
 * least 5 minutes of it left, from two or more readings of the last 15 minutes; readings of the past never project.
 *
 * @param projectedKwh the hour's total at that rate
 * @param expectedAt when, at that rate, the limit is crossed
 */
public record Projection(BigDecimal projectedKwh, Instant expectedAt) {

    /** The readings whose rate counts: those of this long before now. */
    public static final Duration RECENT = Duration.ofMinutes(15);

    /** Less of the hour than this left: too late to warn. */
    public static final Duration TOO_LATE = Duration.ofMinutes(5);

    private static final MathContext MATH = MathContext.DECIMAL64;

    /**
     * The projection of {@code hour} when it goes over {@code limit} (and is not over it already), else empty.
     *
     * @param soFar what the hour has consumed up to its latest reading
     * @param readings the device's register readings, any order; those of the last 15 minutes count
     */
    public static Optional<Projection> over(
            ClockHours.Hour hour, BigDecimal soFar, BigDecimal limit, List<RegisterReading> readings, Instant now) {
        if (!hour.contains(now)
                || Duration.between(now, hour.end()).compareTo(TOO_LATE) < 0
                || soFar.compareTo(limit) > 0) {
            return Optional.empty();
        }
        List<RegisterReading> recent = readings.stream()
                .filter(r -> !r.at().isBefore(now.minus(RECENT)) && !r.at().isAfter(now))
                .sorted(java.util.Comparator.comparing(RegisterReading::at))
                .toList();
        if (recent.size() < 2) {
            return Optional.empty();
        }
        RegisterReading first = recent.get(0);
        RegisterReading last = recent.get(recent.size() - 1);
        BigDecimal energy = last.kwh().subtract(first.kwh());
        long seconds = Duration.between(first.at(), last.at()).toSeconds();
        if (energy.signum() <= 0 || seconds <= 0 || !hour.contains(last.at())) {
            return Optional.empty(); // no consumption, a register reset, or the hour has no reading of its own yet
        }
        BigDecimal perSecond = energy.divide(BigDecimal.valueOf(seconds), MATH);
        BigDecimal left =
                BigDecimal.valueOf(Duration.between(last.at(), hour.end()).toSeconds());
        BigDecimal projected = soFar.add(perSecond.multiply(left, MATH)).setScale(3, RoundingMode.HALF_UP);
        if (projected.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        long toLimit = limit.subtract(soFar)
                .divide(perSecond, MATH)
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
        return Optional.of(new Projection(projected, last.at().plusSeconds(toLimit)));
    }
}
