package org.ems.monitoring.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentRateTest {

    @Test
    void countsTheWholeSecondsOfTheWindowOnly() {
        RecentRate rate = new RecentRate(10);
        rate.add(500, 100); // outside the window of second 111
        rate.add(30, 101);
        rate.add(70, 101);
        rate.add(200, 110);
        rate.add(999, 111); // the current second: not whole yet
        assertThat(rate.perSecond(111)).isEqualTo(30.0);
        assertThat(rate.perSecond(125)).isZero();
    }

    @Test
    void aSlotIsReusedForItsNextSecond() {
        RecentRate rate = new RecentRate(10);
        rate.add(100, 5);
        rate.add(7, 16); // same slot, eleven seconds later
        assertThat(rate.perSecond(17)).isEqualTo(0.7);
    }
}
