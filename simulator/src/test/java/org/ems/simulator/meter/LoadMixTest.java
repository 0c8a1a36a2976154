package org.ems.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoadMixTest {

    @Test
    void eachMeterIsOfOneKindByItsIdInTheMixsProportions() {
        LoadMix mix = LoadMix.parse("household=0.6, ev=0.3,shop=0.1");
        Random random = new Random(7);
        Map<LoadShape, Integer> counted = new EnumMap<>(LoadShape.class);
        for (int i = 0; i < 10_000; i++) {
            UUID device = new UUID(random.nextLong(), random.nextLong());
            assertThat(mix.of(device)).isEqualTo(mix.of(device));
            counted.merge(mix.of(device), 1, Integer::sum);
        }
        assertThat(counted.keySet()).containsExactlyInAnyOrder(LoadShape.HOUSEHOLD, LoadShape.EV, LoadShape.SHOP);
        assertThat(counted.get(LoadShape.HOUSEHOLD)).isBetween(5_700, 6_300);
        assertThat(counted.get(LoadShape.EV)).isBetween(2_700, 3_300);
        assertThat(counted.get(LoadShape.SHOP)).isBetween(800, 1_200);
    }

    @Test
    void oneKindIsAMixOfOneAndEachMeterGetsItsShapedProfile() throws Exception {
        LoadMix one = LoadMix.parse("heat-pump");
        assertThat(one.single()).isEqualTo(LoadShape.HEAT_PUMP);
        UUID device = UUID.randomUUID();
        LoadProfile base = LoadProfile.bundled();
        Duration step = Duration.ofMinutes(10);
        assertThat(one.profiles(base, step).apply(device).value(100))
                .isEqualTo(base.shaped(LoadShape.HEAT_PUMP, step).value(100));
    }

    @Test
    void aBadMixSaysWhatIsWrong() {
        assertThatThrownBy(() -> LoadMix.parse("household=0.5,ev=none")).hasMessageContaining("'ev' must be above 0");
        assertThatThrownBy(() -> LoadMix.parse("household=0")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> LoadMix.parse("factory")).hasMessageContaining("--profile must be one of");
        assertThatThrownBy(() -> LoadMix.parse("household,ev").single()).hasMessageContaining("load mode");
    }
}
