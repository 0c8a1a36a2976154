package org.ems.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;
import org.junit.jupiter.api.Test;

class MeterStreamTest {

    private static final UUID DEVICE = UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10");
    private static final Instant START = Instant.parse("2026-03-29T00:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static List<Outgoing> run(String faults, long seed, int from, int steps) throws Exception {
        MeterStream meter =
                new MeterStream(DEVICE, LoadProfile.bundled(), START, TEN_MINUTES, FaultPlan.parse(faults, seed));
        List<Outgoing> out = new ArrayList<>();
        for (int i = from; i < steps; i++) {
            out.addAll(meter.step(i));
        }
        out.addAll(meter.flush());
        return out;
    }

    private static List<Outgoing> run(String faults, int steps) throws Exception {
        return run(faults, 42, 0, steps);
    }

    private static List<MeterReading> readings(List<Outgoing> out) {
        return out.stream().map(Outgoing::reading).toList();
    }

    @Test
    void withoutFaultsEveryIntervalIsSentOnceInOrderWithItsDuplicateId() throws Exception {
        List<Outgoing> out = run("", 100);
        assertThat(out).hasSize(100);
        assertThat(readings(out)).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
        assertThat(out.get(3).reading().timestamp()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(out.get(3).duplicateId()).isEqualTo(DEVICE + "/" + START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void theSameSeedSendsTheSameAndAnotherSeedSomethingElse() throws Exception {
        String faults = "duplicate=0.1,reorder=0.05,late=0.05:PT2H,reset=0.01,gap=0.01:PT3H,skew=PT5M,surge=0.05:x5";
        assertThat(run(faults, 42, 0, 500)).isEqualTo(run(faults, 42, 0, 500));
        assertThat(run(faults, 42, 0, 500)).isNotEqualTo(run(faults, 43, 0, 500));
    }

    @Test
    void aMeterResumedAtALaterStepGoesOnAsIfItHadNeverStopped() throws Exception {
        String faults = "duplicate=0.1,reset=0.01,gap=0.01:PT3H,surge=0.05:x5";
        List<Outgoing> whole = run(faults, 7, 0, 300);
        List<Outgoing> resumed = run(faults, 7, 150, 300);
        assertThat(whole).endsWith(resumed.toArray(Outgoing[]::new));
    }

    @Test
    void orderFaultsChangeWhatIsSentButNeverTheReadingsThemselves() throws Exception {
        List<MeterReading> clean = readings(run("", 500));
        for (String fault : List.of("duplicate=0.1", "reorder=0.1", "late=0.1:PT1H")) {
            List<MeterReading> faulty = readings(run(fault, 500));
            assertThat(faulty.stream().distinct().toList()).as(fault).containsExactlyInAnyOrderElementsOf(clean);
            assertThat(faulty).as(fault).isNotEqualTo(clean);
        }
        // About the probability asked for: 500 readings, 10% duplicated.
        assertThat(run("duplicate=0.1", 500))
                .filteredOn(o -> o.duplicateId() == null)
                .hasSizeBetween(30, 70);
    }

    @Test
    void aGapLeavesOutItsDurationAndNothingElse() throws Exception {
        List<MeterReading> out = readings(run("gap=0.01:PT3H", 1000));
        assertThat(out).hasSizeLessThan(1000);
        boolean longGap = false;
        for (int i = 1; i < out.size(); i++) {
            longGap |= Duration.between(out.get(i - 1).timestamp(), out.get(i).timestamp())
                            .compareTo(Duration.ofHours(3))
                    > 0;
        }
        assertThat(longGap).isTrue();
    }

    @Test
    void aResetTakesTheRegisterToZeroAndASurgeMultipliesAnInterval() throws Exception {
        List<MeterReading> reset = readings(run("reset=0.01", 1000));
        assertThat(reset).anySatisfy(r -> assertThat(r.kwh()).isEqualByComparingTo("0"));
        assertThat(reset.stream().allMatch(r -> r.kwh().signum() >= 0)).isTrue();

        List<MeterReading> clean = readings(run("", 1000));
        List<MeterReading> surged = readings(run("surge=0.01:x5", 1000));
        assertThat(surged.get(999).kwh()).isGreaterThan(clean.get(999).kwh());
        BigDecimal extra = surged.get(999).kwh().subtract(clean.get(999).kwh());
        assertThat(extra.signum()).isPositive();
    }

    @Test
    void aSkewedClockShiftsEveryTimestampOfAMeterByOneAmountWithinTheSkew() throws Exception {
        List<MeterReading> clean = readings(run("", 50));
        List<MeterReading> skewed = readings(run("skew=PT5M", 50));
        Duration shift =
                Duration.between(clean.get(0).timestamp(), skewed.get(0).timestamp());
        assertThat(shift.abs()).isLessThanOrEqualTo(Duration.ofMinutes(5));
        for (int i = 0; i < 50; i++) {
            assertThat(Duration.between(clean.get(i).timestamp(), skewed.get(i).timestamp()))
                    .isEqualTo(shift);
        }
    }

    @Test
    void aMistypedPlanIsRefusedWithTheFormItNeeds() {
        assertThatThrownBy(() -> FaultPlan.parse("late=0.1", 1)).hasMessageContaining("late=<probability 0 to 1>:");
        assertThatThrownBy(() -> FaultPlan.parse("duplicate=2", 1)).hasMessageContaining("duplicate=<probability");
        assertThatThrownBy(() -> FaultPlan.parse("surge=0.1:5", 1)).hasMessageContaining("x<factor");
        assertThatThrownBy(() -> FaultPlan.parse("flood=0.1", 1)).hasMessageContaining("unknown fault 'flood'");
    }

    @Test
    void theDstStartIsMidnightOfAChangeDay() {
        Instant start = MeterStream.nextDstDay(java.time.ZoneId.of("Europe/Bucharest"));
        var local = start.atZone(java.time.ZoneId.of("Europe/Bucharest"));
        assertThat(local.toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(Duration.between(start, local.plusDays(1).toInstant())).isNotEqualTo(Duration.ofHours(24));
    }

    @Test
    void aPoisonMessageFollowsItsReadingAndTravelsAlone() throws Exception {
        List<Outgoing> out = run("poison=0.1", 500);
        List<Outgoing> poison = out.stream().filter(Outgoing::poison).toList();
        assertThat(poison).hasSizeBetween(25, 80); // about 50 of 500
        assertThat(out.stream().filter(o -> !o.poison())).hasSize(500); // every reading still sent, once
        Outgoing first = poison.get(0);
        assertThat(out.get(out.indexOf(first) - 1).reading()).isEqualTo(first.reading());
        assertThat(first.duplicateId()).startsWith("poison/" + DEVICE);
        assertThat(MeterLink.body(List.of(first), MeterLink.Format.EMS))
                .isEqualTo(Outgoing.poisonBody(DEVICE, first.reading().timestamp()))
                .contains("\"kwh\":\"poison\"");

        List<List<Outgoing>> parts = MeterLink.parts(out, 10);
        assertThat(parts)
                .filteredOn(p -> p.stream().anyMatch(Outgoing::poison))
                .allSatisfy(p -> assertThat(p).hasSize(1));
        assertThat(parts).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(10));
        assertThat(parts.stream().flatMap(List::stream).toList()).isEqualTo(out);
    }

    @Test
    void anOutboxKeepsAPoisonMessageAcrossARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        List<Outgoing> out = run("poison=0.5,duplicate=0.5", 20);
        try (Outbox outbox = Outbox.open(dir)) {
            outbox.append(out);
        }
        try (Outbox reopened = Outbox.open(dir)) {
            assertThat(reopened.peek(100, 0).stream().map(Outbox.Entry::outgoing))
                    .containsExactlyElementsOf(out);
        }
    }
}
