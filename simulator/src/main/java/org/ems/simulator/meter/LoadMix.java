package org.ems.simulator.meter;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A fleet's mix of consumers ({@code --profile household=0.6,ev=0.3,shop=0.1}, or one kind: {@code --profile ev}): each
 * meter is of one kind, chosen by its device id with the given weights, so the same fleet has the same mix every run.
 *
 * @param weights each kind's weight (positive; they need not add up to 1)
 */
public record LoadMix(Map<LoadShape, Double> weights) {

    public LoadMix {
        weights = Map.copyOf(weights);
    }

    public static LoadMix parse(String text) {
        Map<LoadShape, Double> weights = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kind = part.split("=", 2);
            double weight;
            try {
                weight = kind.length == 2 ? Double.parseDouble(kind[1].strip()) : 1;
            } catch (NumberFormatException e) {
                weight = Double.NaN;
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(
                        "--profile: the weight of '" + kind[0].strip() + "' must be above 0");
            }
            weights.merge(LoadShape.of(kind[0]), weight, Double::sum);
        }
        return new LoadMix(weights);
    }

    /** The one kind of a mix of one (load mode's fixed meters take one). */
    public LoadShape single() {
        if (weights.size() != 1) {
            throw new IllegalArgumentException("--profile: load mode takes one kind of consumer, not a mix");
        }
        return weights.keySet().iterator().next();
    }

    /** The kind of the device's meter. */
    public LoadShape of(UUID device) {
        double total =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        // A number in [0, 1) fixed by the id (ids are random: their bits are evenly spread).
        double at = ((device.getLeastSignificantBits() ^ device.getMostSignificantBits()) >>> 11) * 0x1.0p-53 * total;
        LoadShape last = null;
        for (LoadShape shape : LoadShape.values()) { // in the enum's order, whatever the text's
            Double weight = weights.get(shape);
            if (weight != null) {
                last = shape;
                if (at < weight) {
                    return shape;
                }
                at -= weight;
            }
        }
        return last;
    }

    /** Each device's profile: {@code base} shaped for its kind. */
    public Function<UUID, LoadProfile> profiles(LoadProfile base, Duration interval) {
        Map<LoadShape, LoadProfile> shaped = new EnumMap<>(LoadShape.class);
        weights.keySet().forEach(shape -> shaped.put(shape, base.shaped(shape, interval)));
        return device -> shaped.get(of(device));
    }
}
