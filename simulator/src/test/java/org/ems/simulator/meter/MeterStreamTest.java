package org.ems.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;
import org.junit.jupiter.api.Test;

class MeterStreamTest {

    private static final UUID DEVICE = UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10");
    private static final Instant START = Instant.parse("2026-03-29T00:00:00Z");

    private static List<Outgoing> run(Set<Fault> faults, int steps) throws Exception {
        MeterStream meter = new MeterStream(DEVICE, LoadProfile.bundled(), START, Duration.ofMinutes(10), faults);
        List<Outgoing> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            out.addAll(meter.step(i));
        }
        out.addAll(meter.flush());
        return out;
    }

    private static List<MeterReading> readings(List<Outgoing> out) {
        return out.stream().map(Outgoing::reading).toList();
    }

    @Test
    void withoutFaultsEveryIntervalIsSentOnceInOrderWithItsDuplicateId() throws Exception {
        List<Outgoing> out = run(EnumSet.noneOf(Fault.class), 100);
        assertThat(out).hasSize(100);
        assertThat(readings(out)).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
        assertThat(out.get(3).reading().timestamp()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(out.get(3).duplicateId()).isEqualTo(DEVICE + "/" + START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void faultsChangeWhatIsSentButNeverTheReadingsThemselves() throws Exception {
        List<MeterReading> clean = readings(run(EnumSet.noneOf(Fault.class), 100));
        for (Fault fault : EnumSet.of(Fault.DUPLICATES, Fault.REORDER, Fault.LATE)) {
            List<MeterReading> faulty = readings(run(EnumSet.of(fault), 100));
            assertThat(faulty).as(fault.name()).containsAll(clean);
            assertThat(faulty.stream().distinct().toList()).as(fault.name()).containsExactlyInAnyOrderElementsOf(clean);
            assertThat(faulty).as(fault.name()).isNotEqualTo(clean);
        }
    }

    @Test
    void duplicatesCarryNoDuplicateIdSoTheyReachEms() throws Exception {
        List<Outgoing> out = run(EnumSet.of(Fault.DUPLICATES), 20);
        assertThat(out).filteredOn(o -> o.duplicateId() == null).hasSize(3); // steps 2, 9, 16
    }

    @Test
    void aGapLeavesOutOverThreeHours() throws Exception {
        List<MeterReading> out = readings(run(EnumSet.of(Fault.GAP), 100));
        assertThat(out).hasSize(100 - (MeterStream.GAP_TO - MeterStream.GAP_FROM));
        assertThat(Duration.between(
                        out.get(MeterStream.GAP_FROM - 1).timestamp(),
                        out.get(MeterStream.GAP_FROM).timestamp()))
                .isGreaterThan(Duration.ofHours(3));
    }

    @Test
    void aResetMakesTheRegisterGoDownOnceThenGrowAgain() throws Exception {
        List<MeterReading> out = readings(run(EnumSet.of(Fault.RESET), 100));
        int decreases = 0;
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).kwh().compareTo(out.get(i - 1).kwh()) < 0) {
                decreases++;
                assertThat(i).isEqualTo(MeterStream.RESET_AT);
                assertThat(out.get(i).kwh()).isEqualByComparingTo("0");
            }
        }
        assertThat(decreases).isEqualTo(1);
    }

    @Test
    void theDstFaultStartsAtMidnightOfAChangeDay() {
        Instant start = Fault.nextDstDay(java.time.ZoneId.of("Europe/Bucharest"));
        var local = start.atZone(java.time.ZoneId.of("Europe/Bucharest"));
        assertThat(local.toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(Duration.between(start, local.plusDays(1).toInstant())).isNotEqualTo(Duration.ofHours(24));
    }
}
