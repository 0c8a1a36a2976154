package org.ems.simulator.meter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A meter's load profile in the classic {@code sensor.csv} format: one cumulative kWh register value per line, one
 * line per interval, never decreasing. Replayed past its end it continues from its last value, so the register of a
 * looping meter keeps growing.
 */
public final class LoadProfile {

    private final List<BigDecimal> register;

    public LoadProfile(List<BigDecimal> register) {
        if (register.size() < 2) {
            throw new IllegalArgumentException("a profile needs at least two values");
        }
        this.register = List.copyOf(register);
    }

    /** The profile shipped with the simulator (see {@link ProfileGenerator}). */
    public static LoadProfile bundled() throws IOException {
        try (var in = LoadProfile.class.getResourceAsStream("sensor.csv")) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "sensor.csv");
        }
    }

    public static LoadProfile load(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return parse(reader, csv.toString());
        }
    }

    /** Parses the CSV; a bad line is reported with its number. Blank lines and lines starting with # are skipped. */
    public static LoadProfile parse(Reader reader, String name) throws IOException {
        List<BigDecimal> values = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            String text = line.trim();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            // The classic file may carry the value in the first column of a longer row.
            String first = text.split("[,;]", 2)[0].trim();
            BigDecimal value;
            try {
                value = new BigDecimal(first);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + number + ": not a number: '" + first + "'");
            }
            if (value.signum() < 0) {
                throw new IllegalArgumentException(name + " line " + number + ": negative register value " + first);
            }
            if (!values.isEmpty() && value.compareTo(values.get(values.size() - 1)) < 0) {
                throw new IllegalArgumentException(name + " line " + number + ": register goes down from "
                        + values.get(values.size() - 1).toPlainString() + " to " + first
                        + " (the file holds cumulative values)");
            }
            values.add(value);
        }
        if (values.size() < 2) {
            throw new IllegalArgumentException(name + ": needs at least two register values, found " + values.size());
        }
        return new LoadProfile(values);
    }

    public int size() {
        return register.size();
    }

    /** The register value of the {@code index}-th interval, past the end continuing from the last value. */
    public BigDecimal value(long index) {
        long laps = index / register.size();
        int at = (int) (index % register.size());
        BigDecimal lap = register.get(register.size() - 1).subtract(register.get(0));
        return register.get(at).add(lap.multiply(BigDecimal.valueOf(laps)));
    }

    /** This (household) profile reshaped as another kind of consumer, its steps {@code interval} apart. */
    public LoadProfile shaped(LoadShape shape, java.time.Duration interval) {
        if (shape == LoadShape.HOUSEHOLD) {
            return this;
        }
        List<BigDecimal> shaped = new ArrayList<>(register.size());
        BigDecimal value = register.get(0);
        shaped.add(value);
        for (int i = 1; i < register.size(); i++) {
            value = value.add(shape.energy(i, interval, register.get(i).subtract(register.get(i - 1))));
            shaped.add(value.setScale(3, RoundingMode.HALF_EVEN));
        }
        return new LoadProfile(shaped);
    }

    /**
     * This profile as one device's meter: consumption scaled by a factor from 0.6 to 1.6 and a starting register, both
     * fixed by the device id, so that devices differ but each one always replays the same way.
     */
    public LoadProfile forDevice(UUID device) {
        long bits = device.getMostSignificantBits() ^ device.getLeastSignificantBits();
        BigDecimal factor = BigDecimal.valueOf(600 + Math.floorMod(bits, 1001), 3);
        BigDecimal start = BigDecimal.valueOf(Math.floorMod(bits >>> 16, 50_000));
        BigDecimal base = register.get(0);
        List<BigDecimal> scaled = new ArrayList<>(register.size());
        for (BigDecimal value : register) {
            scaled.add(start.add(value.subtract(base).multiply(factor)).setScale(3, RoundingMode.HALF_EVEN));
        }
        return new LoadProfile(scaled);
    }
}
