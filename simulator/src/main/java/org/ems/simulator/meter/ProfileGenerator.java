package org.ems.simulator.meter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Generates a realistic household {@code sensor.csv}: cumulative kWh every interval, with a daily shape (night base
 * load, morning and evening peaks), a weekly one (weekends busier by day) and noise. The same seed gives the same file.
 *
 * <p>The bundled file: {@code ProfileGenerator 20261126 28 10 sensor.csv} (seed, days, interval in minutes, output),
 * starting on a Monday at midnight at register value 1000.
 */
public final class ProfileGenerator {

    private ProfileGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ProfileGenerator <seed> <days> <interval minutes> <output.csv>");
            System.exit(2);
        }
        try (Writer out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
            write(out, Long.parseLong(args[0]), Integer.parseInt(args[1]), Duration.ofMinutes(Long.parseLong(args[2])));
        }
    }

    public static void write(Writer out, long seed, int days, Duration interval) throws IOException {
        Random random = new Random(seed);
        LocalDateTime time = LocalDateTime.of(2026, 1, 5, 0, 0); // a Monday: the shape starts the week
        BigDecimal register = BigDecimal.valueOf(1000);
        long steps = Duration.ofDays(days).dividedBy(interval);
        double hours = interval.toSeconds() / 3600.0;
        out.write("# EMS load profile: cumulative kWh every " + interval.toMinutes() + " min, seed " + seed + "\n");
        for (long i = 0; i <= steps; i++) {
            out.write(register.setScale(3, RoundingMode.HALF_EVEN).toPlainString());
            out.write('\n');
            double kw = meanPowerKw(time) * Math.exp(random.nextGaussian() * 0.25 - 0.03);
            register = register.add(BigDecimal.valueOf(kw * hours));
            time = time.plus(interval);
        }
    }

    /** Mean household power (kW) at this local time. */
    public static double meanPowerKw(LocalDateTime time) {
        double hour = time.getHour() + time.getMinute() / 60.0;
        boolean weekend = time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY;
        double base = 0.25; // fridge, standby
        double morning = bump(hour, weekend ? 9.5 : 7.5, 1.2) * (weekend ? 1.2 : 1.5);
        double day = (hour > 9 && hour < 17) ? (weekend ? 0.8 : 0.25) : 0;
        double evening = bump(hour, 19.5, 2.0) * 2.2;
        return base + morning + day + evening;
    }

    private static double bump(double hour, double centre, double width) {
        double d = (hour - centre) / width;
        return Math.exp(-d * d);
    }
}
