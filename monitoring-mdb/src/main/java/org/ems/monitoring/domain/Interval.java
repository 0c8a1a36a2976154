package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two consecutive readings of a device and what lies between them: {@code later - earlier} spread evenly over the time
 * between them, booked on the quarter hours the interval overlaps. A register that went down books nothing and counts
 * as a reset; an interval longer than an hour counts as estimated. An interval longer than {@link #MAX_SPREAD} (a
 * meter away for over a month, or a clock that jumped) is not spread: it books nothing and only marks the quarter of
 * its later reading estimated, the way a reset marks its hours; a month of even consumption is no estimate worth
 * showing, and spreading over years would book millions of quarters.
 */
public record Interval(RegisterReading earlier, RegisterReading later) {

    /**
     * Decimals of booked energy. Each share is rounded once, here, so taking an interval back (a late reading split
     * it) subtracts exactly what it added: stored totals never drift, whatever order readings come in.
     */
    public static final int SCALE = 18;

    public static final Duration MAX_SPREAD = Duration.ofDays(31);

    private static final Duration ONE_HOUR = Duration.ofHours(1);

    public Interval {
        if (!earlier.at().isBefore(later.at())) {
            throw new IllegalArgumentException("an interval needs an earlier and a later reading");
        }
    }

    /** Whether the register went down: the meter was replaced or reset. */
    public boolean reset() {
        return later.kwh().compareTo(earlier.kwh()) < 0;
    }

    /** Whether the interval is longer than an hour: what it books is an estimate. */
    public boolean estimated() {
        return Duration.between(earlier.at(), later.at()).compareTo(ONE_HOUR) > 0;
    }

    /** This interval's share of each quarter hour it overlaps, in time order. */
    public Map<Instant, QuarterTotal> shares() {
        BigDecimal delta = later.kwh().subtract(earlier.kwh());
        Duration length = Duration.between(earlier.at(), later.at());
        boolean reset = reset();
        int estimated = estimated() ? 1 : 0;
        Map<Instant, QuarterTotal> shares = new TreeMap<>();
        if (length.compareTo(MAX_SPREAD) > 0) {
            shares.put(Quarters.startOf(later.at()), new QuarterTotal(BigDecimal.ZERO.setScale(SCALE), 0, 0, 1));
            return shares;
        }
        BigDecimal nanos = new BigDecimal(length.toNanos());
        for (Instant quarter = Quarters.startOf(earlier.at());
                quarter.isBefore(later.at());
                quarter = quarter.plus(Quarters.LENGTH)) {
            Instant from = quarter.isBefore(earlier.at()) ? earlier.at() : quarter;
            Instant end = quarter.plus(Quarters.LENGTH);
            Instant to = end.isAfter(later.at()) ? later.at() : end;
            BigDecimal kwh = reset
                    ? BigDecimal.ZERO.setScale(SCALE)
                    : delta.multiply(new BigDecimal(Duration.between(from, to).toNanos()))
                            .divide(nanos, SCALE, RoundingMode.HALF_EVEN);
            shares.put(quarter, new QuarterTotal(kwh, 0, reset ? 1 : 0, estimated));
        }
        return shares;
    }
}
