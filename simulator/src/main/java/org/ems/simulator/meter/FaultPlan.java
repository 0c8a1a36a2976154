package org.ems.simulator.meter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Faults by probability, for QA ({@code --faults duplicate=0.1,reorder=0.05,late=0.02:PT2H,reset=0.001,gap=0.01:PT3H,
 * skew=PT5M,surge=0.01:x5,poison=0.001 --seed 42}): at each step a meter draws, in a fixed order, whether each fault strikes, from
 * a random of its own seeded by the seed and its device id, so the same command sends the same readings every time,
 * whatever the timing. A probability is per reading.
 *
 * @param duplicate the reading is sent twice (the copy without a duplicate id, so it reaches EMS)
 * @param reorder the reading is held back one interval (it follows the next one)
 * @param late the reading is held back {@code lateBy}
 * @param reset the register restarts from 0 at this reading (a replaced meter)
 * @param gap the meter sends nothing for {@code gapFor} from this reading on (those readings are never sent)
 * @param skew the meter's clock is off by up to this much, either way: each meter draws its own offset once
 * @param surge this interval's consumption is {@code surgeFactor} times what it would be
 * @param poison a malformed message naming the reading follows it, which EMS must dead-letter (HTTP: refuse)
 */
public record FaultPlan(
        double duplicate,
        double reorder,
        double late,
        Duration lateBy,
        double reset,
        double gap,
        Duration gapFor,
        Duration skew,
        double surge,
        BigDecimal surgeFactor,
        double poison,
        long seed) {

    public static final FaultPlan NONE = parse("", 0);

    /** The faults {@code --faults} knows. */
    private static final java.util.Set<String> NAMES =
            java.util.Set.of("duplicate", "reorder", "late", "reset", "gap", "skew", "surge", "poison");

    /** The plan of a {@code --faults} text ({@code name=probability[:argument]}, comma-separated). */
    public static FaultPlan parse(String text, long seed) {
        java.util.Map<String, String> given = new java.util.HashMap<>();
        for (String part : text == null || text.isBlank() ? new String[0] : text.split(",")) {
            String[] pair = part.strip().split("=", 2);
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("--faults: unknown fault '" + name
                        + "' (duplicate, reorder, late, reset, gap, skew, surge, poison)");
            }
            given.put(name, pair.length == 2 ? pair[1].strip() : "");
        }
        return new FaultPlan(
                probability(given, "duplicate"),
                probability(given, "reorder"),
                probability(given, "late"),
                argument(given, "late", FaultPlan::positive, Duration.ZERO),
                probability(given, "reset"),
                probability(given, "gap"),
                argument(given, "gap", FaultPlan::positive, Duration.ZERO),
                given.containsKey("skew") ? checked("skew", given.get("skew"), FaultPlan::positive) : Duration.ZERO,
                probability(given, "surge"),
                argument(given, "surge", FaultPlan::factor, BigDecimal.ONE),
                probability(given, "poison"),
                seed);
    }

    /** The probability before a fault's {@code :}, 0 when the fault is not given. */
    private static double probability(java.util.Map<String, String> given, String name) {
        return given.containsKey(name) ? checked(name, given.get(name).split(":", 2)[0], FaultPlan::p) : 0;
    }

    /** What follows a fault's {@code :} (required when the fault is given), else {@code absent}. */
    private static <T> T argument(
            java.util.Map<String, String> given, String name, java.util.function.Function<String, T> parse, T absent) {
        if (!given.containsKey(name)) {
            return absent;
        }
        String[] parts = given.get(name).split(":", 2);
        return checked(name, parts.length == 2 ? parts[1] : null, parse);
    }

    private static <T> T checked(String name, String text, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--faults: '" + name + "' needs " + form(name));
        }
    }

    private static String form(String name) {
        return switch (name) {
            case "late", "gap" -> name + "=<probability 0 to 1>:<ISO duration, e.g. PT2H>";
            case "skew" -> "skew=<ISO duration, e.g. PT5M>";
            case "surge" -> "surge=<probability 0 to 1>:x<factor above 1, e.g. x5>";
            default -> name + "=<probability 0 to 1>";
        };
    }

    private static double p(String text) {
        double p = Double.parseDouble(text.strip());
        if (!(p >= 0 && p <= 1)) {
            throw new NumberFormatException(text);
        }
        return p;
    }

    private static Duration positive(String text) {
        Duration duration = Duration.parse(text == null ? "" : text);
        if (duration.isNegative() || duration.isZero()) {
            throw new NumberFormatException(text);
        }
        return duration;
    }

    private static BigDecimal factor(String text) {
        if (text == null || !text.startsWith("x")) {
            throw new NumberFormatException(text);
        }
        BigDecimal factor = new BigDecimal(text.substring(1));
        if (factor.compareTo(BigDecimal.ONE) <= 0) {
            throw new NumberFormatException(text);
        }
        return factor;
    }

    /** The random a meter draws its faults from: the same for the same seed and device. */
    Random randomFor(UUID device) {
        return new Random(seed * 31 + device.getMostSignificantBits() * 17 + device.getLeastSignificantBits());
    }

    /** How many intervals {@code duration} spans, at least one. */
    static long steps(Duration duration, Duration interval) {
        return Math.max(1, (duration.toNanos() + interval.toNanos() - 1) / interval.toNanos());
    }
}
