package org.ems.simulator.meter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;

/**
 * One simulated meter: at step {@code i} its register reads {@code profile.value(i)} at meter time
 * {@code start + i * interval}; the faults decide what is actually sent at that step.
 */
public final class MeterStream {

    public static final int GAP_FROM = 30;
    public static final int GAP_TO = 50;
    public static final int RESET_AT = 60;

    private final UUID device;
    private final LoadProfile profile;
    private final Instant start;
    private final Duration interval;
    private final Set<Fault> faults;
    /** Held-back readings by the step they go out at. */
    private final TreeMap<Long, List<Outgoing>> held = new TreeMap<>();

    public MeterStream(UUID device, LoadProfile profile, Instant start, Duration interval, Set<Fault> faults) {
        this.device = device;
        this.profile = profile.forDevice(device);
        this.start = start;
        this.interval = interval;
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    }

    public UUID device() {
        return device;
    }

    /** The reading the meter takes at step {@code i}, before faults. */
    public MeterReading reading(long i) {
        BigDecimal kwh = profile.value(i);
        if (faults.contains(Fault.RESET) && i >= RESET_AT) {
            kwh = kwh.subtract(profile.value(RESET_AT));
        }
        return new MeterReading(device, start.plus(interval.multipliedBy(i)), kwh);
    }

    /** What goes to the broker at step {@code i}, in order. */
    public List<Outgoing> step(long i) {
        List<Outgoing> out = new ArrayList<>();
        Outgoing now = Outgoing.of(reading(i));
        boolean send = !(faults.contains(Fault.GAP) && i >= GAP_FROM && i < GAP_TO);
        if (send && faults.contains(Fault.LATE) && i % 11 == 5) {
            held.computeIfAbsent(i + 6, k -> new ArrayList<>()).add(now);
            send = false;
        }
        if (send && faults.contains(Fault.REORDER) && i % 10 == 3) {
            held.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(now);
            send = false;
        }
        if (send) {
            out.add(now);
            if (faults.contains(Fault.DUPLICATES) && i % 7 == 2) {
                out.add(new Outgoing(now.reading(), null));
            }
        }
        out.addAll(held.getOrDefault(i, Collections.emptyList()));
        held.remove(i);
        return out;
    }

    /** Readings still held back (late or reordered), sent when the meter stops. */
    public List<Outgoing> flush() {
        List<Outgoing> out = new ArrayList<>();
        held.values().forEach(out::addAll);
        held.clear();
        return out;
    }
}
