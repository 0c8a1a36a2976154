package org.ems.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookAddressTest {

    private static final WebhookAddress STRICT = new WebhookAddress(false, false);

    @Test
    void aHookIsAnHttpsUrlOfAPublicAddress() {
        assertThat(STRICT.problem("https://93.184.215.14/hooks/ems")).isEmpty();
        assertThat(STRICT.problem("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/x"))
                .isEmpty();
        assertThat(STRICT.problem("http://93.184.215.14/hooks/ems")).contains("url must be an https URL");
        assertThat(new WebhookAddress(true, false).problem("http://93.184.215.14/"))
                .isEmpty();
        assertThat(STRICT.problem("ftp://93.184.215.14/")).isPresent();
        assertThat(STRICT.problem("https:///nohost")).isPresent();
        assertThat(STRICT.problem("https://user:pw@93.184.215.14/")).isPresent();
        assertThat(STRICT.problem("not a url at all")).isPresent();
    }

    @Test
    void loopbackLinkLocalAndPrivateAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {
            "https://127.0.0.1/",
            "https://localhost/",
            "https://10.1.2.3/",
            "https://172.16.0.1/",
            "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data",
            "https://0.0.0.0/",
            "https://[::1]/",
            "https://[fe80::1]/",
            "https://[fd00::1]/",
            "https://100.64.0.1/",
            "https://[::ffff:127.0.0.1]/",
            "https://224.0.0.1/"
        }) {
            assertThat(STRICT.problem(url))
                    .as(url)
                    .hasValueSatisfying(p -> assertThat(p).contains("loopback, link-local or private"));
            assertThat(new WebhookAddress(false, true).problem(url)).as(url).isEmpty();
        }
    }
}
