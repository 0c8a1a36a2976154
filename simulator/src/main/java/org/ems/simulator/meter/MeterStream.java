package org.ems.simulator.meter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;

/**
 * One simulated meter: at step {@code i} its register reads {@code profile.value(i)} at meter time
 * {@code start + i * interval}; its {@link FaultPlan} decides what is actually sent at that step (steps are taken in
 * order; a meter resumed at a later step draws the faults of the steps before it first, so it goes on as if it had
 * never stopped).
 */
public final class MeterStream {

    private final UUID device;
    private final LoadProfile profile;
    private final Instant start;
    private final Duration interval;
    private final FaultPlan plan;
    private final Random random;
    /** How far this meter's clock is off ({@link FaultPlan#skew()}). */
    private final Duration clockOffset;
    /** Held-back readings by the step they go out at. */
    private final TreeMap<Long, List<Outgoing>> held = new TreeMap<>();
    /** The next step whose faults are drawn. */
    private long next;
    /** What resets and surges have added to the profile's register so far. */
    private BigDecimal offset = BigDecimal.ZERO;
    /** Steps before this one are not sent (a gap). */
    private long silentUntil;

    public MeterStream(UUID device, LoadProfile profile, Instant start, Duration interval, FaultPlan plan) {
        this.device = device;
        this.profile = profile.forDevice(device);
        this.start = start;
        this.interval = interval;
        this.plan = plan;
        this.random = plan.randomFor(device);
        this.clockOffset = Duration.ofMillis(
                Math.round((random.nextDouble() * 2 - 1) * plan.skew().toMillis()));
    }

    public UUID device() {
        return device;
    }

    /** The reading the meter takes at step {@code i}, without faults. */
    public MeterReading reading(long i) {
        return new MeterReading(device, start.plus(interval.multipliedBy(i)), profile.value(i));
    }

    /** What goes to EMS at step {@code i}, in order. */
    public List<Outgoing> step(long i) {
        while (next < i) {
            draw(next); // resumed: the steps before were sent by the run that stopped
        }
        Drawn drawn = draw(i);
        List<Outgoing> out = new ArrayList<>();
        Outgoing now = Outgoing.of(drawn.reading());
        if (i >= silentUntil) {
            if (drawn.late()) {
                held.computeIfAbsent(i + FaultPlan.steps(plan.lateBy(), interval), k -> new ArrayList<>())
                        .add(now);
            } else if (drawn.reorder()) {
                held.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(now);
            } else {
                out.add(now);
                if (drawn.duplicate()) {
                    out.add(new Outgoing(now.reading(), null));
                }
            }
            if (drawn.poison()) {
                out.add(Outgoing.poison(drawn.reading()));
            }
        }
        List<Outgoing> due = held.remove(i);
        if (due != null) {
            out.addAll(due);
        }
        return out;
    }

    /** Step {@code i}'s reading as the meter takes it, and how it is to be sent. */
    private record Drawn(MeterReading reading, boolean duplicate, boolean reorder, boolean late, boolean poison) {}

    private Drawn draw(long i) {
        next = i + 1;
        // Every step draws every fault, in this order: whether one strikes never depends on another.
        boolean duplicate = random.nextDouble() < plan.duplicate();
        boolean reorder = random.nextDouble() < plan.reorder();
        boolean late = random.nextDouble() < plan.late();
        boolean reset = random.nextDouble() < plan.reset();
        boolean gap = random.nextDouble() < plan.gap();
        boolean surge = random.nextDouble() < plan.surge();
        boolean poison = random.nextDouble() < plan.poison();
        BigDecimal raw = profile.value(i);
        if (surge && i > 0) {
            BigDecimal extra = plan.surgeFactor().subtract(BigDecimal.ONE);
            offset = offset.add(raw.subtract(profile.value(i - 1)).multiply(extra));
        }
        if (reset) {
            offset = raw.negate(); // the register reads 0 now and grows from there
        }
        if (gap) {
            silentUntil = Math.max(silentUntil, i + FaultPlan.steps(plan.gapFor(), interval));
        }
        MeterReading reading =
                new MeterReading(device, start.plus(interval.multipliedBy(i)).plus(clockOffset), raw.add(offset));
        return new Drawn(reading, duplicate, reorder, late, poison);
    }

    /** Midnight (local) of the next day with a DST change in the zone. */
    public static Instant nextDstDay(ZoneId zone) {
        var transition = zone.getRules().nextTransition(Instant.now());
        if (transition == null) {
            throw new IllegalArgumentException(zone + " has no DST change ahead; choose --zone or --start");
        }
        return transition.getDateTimeBefore().toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** Readings still held back (late or reordered), sent when the meter stops. */
    public List<Outgoing> flush() {
        List<Outgoing> out = new ArrayList<>();
        held.values().forEach(out::addAll);
        held.clear();
        return out;
    }
}
