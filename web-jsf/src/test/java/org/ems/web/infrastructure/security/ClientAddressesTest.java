package org.ems.web.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ems.contracts.platform.Cidr;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final List<Cidr> proxies = Cidr.list("10.0.0.0/8, ::1");

    @Test
    void theHeaderCountsOnlyWhenThePeerIsATrustedProxy() {
        assertThat(ClientAddresses.of("203.0.113.9", List.of("198.51.100.1"), proxies))
                .as("sent to EMS directly")
                .isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.of("10.1.2.3", List.of("198.51.100.1"), proxies))
                .isEqualTo("198.51.100.1");
        assertThat(ClientAddresses.of("10.1.2.3", List.of(), proxies)).isEqualTo("10.1.2.3");
        assertThat(ClientAddresses.of("10.1.2.3", List.of("198.51.100.1"), List.of()))
                .as("no proxy trusted")
                .isEqualTo("10.1.2.3");
    }

    @Test
    void theNearestUntrustedHopIsTheClientWhateverCameBeforeIt() {
        assertThat(ClientAddresses.of("10.1.2.3", List.of("1.1.1.1, 198.51.100.1, 10.9.9.9"), proxies))
                .as("the client's own claim (1.1.1.1) is not believed")
                .isEqualTo("198.51.100.1");
        assertThat(ClientAddresses.of("::1", List.of("1.1.1.1", "10.0.0.5"), proxies))
                .isEqualTo("1.1.1.1");
        assertThat(ClientAddresses.of("10.1.2.3", List.of("not-an-address"), proxies))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void networksMatchByPrefix() {
        assertThat(Cidr.parse("192.168.0.0/16").contains("192.168.200.1")).isTrue();
        assertThat(Cidr.parse("192.168.0.0/16").contains("192.169.0.1")).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains("2001:db8:1::7")).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains("10.0.0.1")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
        assertThat(Cidr.isAddress("example.com")).as("never resolved").isFalse();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("proxy.local")).isInstanceOf(IllegalArgumentException.class);
    }
}
