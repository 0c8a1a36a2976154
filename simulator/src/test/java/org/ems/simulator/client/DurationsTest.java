package org.ems.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void durationsAreReadLikePeopleWriteThem() {
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Durations.parse("ten"))
                .hasMessageContaining("a duration must look like 30s, 10m or 1h");
        assertThatThrownBy(() -> Durations.parse("0m")).hasMessageContaining("a duration must look like");
    }
}
