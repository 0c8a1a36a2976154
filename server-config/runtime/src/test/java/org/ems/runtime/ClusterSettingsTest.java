package org.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where instances find each other and the broker pair: the settings behind {@code ./ems run --instances N}. */
class ClusterSettingsTest {

    @Test
    void instancesOnOneHostAreGridMembersOnConsecutivePorts() {
        EmsSettings settings =
                EmsSettings.fromEnvironment(Map.of("EMS_INSTANCES", "3", "EMS_CLUSTER_PORT", "7000"), Path.of("."));
        assertThat(settings.gridMembers()).containsExactly("127.0.0.1:7000", "127.0.0.1:7001", "127.0.0.1:7002");
    }

    @Test
    void membersOnSeveralHostsAreListed() {
        EmsSettings settings = EmsSettings.fromEnvironment(
                Map.of("EMS_CLUSTER_MEMBERS", "10.0.0.1:6900, 10.0.0.2:6900,10.0.0.3:6900"), Path.of("."));
        assertThat(settings.gridMembers()).containsExactly("10.0.0.1:6900", "10.0.0.2:6900", "10.0.0.3:6900");
        assertThatThrownBy(() -> EmsSettings.fromEnvironment(Map.of("EMS_CLUSTER_MEMBERS", "10.0.0.1"), Path.of(".")))
                .hasMessageContaining("host:port");
    }

    @Test
    void aFailoverUrlNamesBothBrokersForMetersAndTheResourceAdapter() {
        BrokerEndpoint pair = BrokerEndpoint.parse(
                "(tcp://10.0.0.1:61616,tcp://10.0.0.2:61616)?ha=true&sslEnabled=true", "app", "a", "meter", "m");
        assertThat(pair.ha()).isTrue();
        assertThat(pair.url())
                .isEqualTo("(tcp://10.0.0.1:61616,tcp://10.0.0.2:61616)?ha=true&reconnectAttempts=-1&sslEnabled=true");
        assertThat(pair.connectionParameters())
                .isEqualTo("host=10.0.0.1;port=61616;sslEnabled=true,host=10.0.0.2;port=61616;sslEnabled=true");
        assertThat(pair.connectorClasses().split(",")).hasSize(2);
    }

    @Test
    void aSingleBrokerKeepsItsPlainUrl() {
        BrokerEndpoint one = BrokerEndpoint.parse("tcp://broker:61617?sslEnabled=true", "app", "a", "meter", "m");
        assertThat(one.ha()).isFalse();
        assertThat(one.servers()).containsExactly(new BrokerEndpoint.Address("broker", 61617));
        assertThat(one.url()).isEqualTo("tcp://broker:61617?sslEnabled=true");
        assertThat(one.transportOptions()).isEqualTo(List.of("sslEnabled=true"));
        assertThatThrownBy(() -> BrokerEndpoint.parse("http://broker", "app", "a", "meter", "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
