package org.ems.contracts.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeterTopicsTest {

    private static final UUID METER = UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10");
    private static final UUID OTHER = UUID.fromString("0b8e2a51-8f42-4d0c-b3a4-7c1e9d2f6a33");

    @Test
    void aDeviceTopicIsTheReadingsAddressAndTheDevice() {
        assertThat(MeterTopics.topic(METER)).isEqualTo("ems/readings/" + METER);
        assertThat(MeterTopics.deviceOfAddress("ems.readings." + METER)).isEqualTo(METER);
        assertThat(MeterTopics.deviceOfAddress("ems.readings")).isNull();
        assertThat(MeterTopics.deviceOfAddress("ems.readings.dlq")).isNull();
        assertThat(MeterTopics.deviceOfAddress("ems.alerts." + METER)).isNull();
    }

    @Test
    void aMeterPublishesToItsOwnTopicAndAGatewayToAnyDevicesButNeitherToTheDeadLetters() {
        assertThat(MeterTopics.mayPublish(METER.toString(), "ems.readings." + METER))
                .isTrue();
        assertThat(MeterTopics.mayPublish(METER.toString(), "ems.readings." + OTHER))
                .isFalse();
        assertThat(MeterTopics.mayPublish("meter", "ems.readings." + OTHER)).isTrue();
        assertThat(MeterTopics.mayPublish("meter", "ems.readings.dlq")).isFalse();
        assertThat(MeterTopics.mayPublish(METER.toString(), "ems.readings.dlq")).isFalse();
    }
}
