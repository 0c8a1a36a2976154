package org.ems.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FrameRateTest {

    private static final long MS = 1_000_000L;

    @Test
    void allowsTenSendsInAnySecondPerUser() {
        FrameRate rate = new FrameRate(FrameRate.SENDS);
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        for (int i = 0; i < FrameRate.SENDS; i++) {
            assertThat(rate.allow(ann, i * 50 * MS)).as("send " + i).isTrue();
        }
        assertThat(rate.allow(ann, 500 * MS))
                .as("the eleventh within the second")
                .isFalse();
        assertThat(rate.allow(bob, 500 * MS)).as("another user").isTrue();
        assertThat(rate.allow(ann, 999 * MS))
                .as("the refused one did not count, but the window is full")
                .isFalse();
        assertThat(rate.allow(ann, 1000 * MS))
                .as("the first send left the window")
                .isTrue();
    }

    @Test
    void forgetsIdleUsers() {
        FrameRate rate = new FrameRate(FrameRate.SENDS);
        UUID ann = UUID.randomUUID();
        for (int i = 0; i < FrameRate.SENDS; i++) {
            rate.allow(ann, 0);
        }
        rate.forgetIdle(2_000 * MS);
        assertThat(rate.allow(ann, 2_000 * MS)).isTrue();
    }

    @Test
    void allowsFiveNoticesInAnySecondPerUser() {
        FrameRate rate = new FrameRate(FrameRate.NOTICES);
        UUID ann = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(rate.allow(ann, i * MS)).isTrue();
        }
        assertThat(rate.allow(ann, 10 * MS)).isFalse();
    }
}
