package org.ems.web.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnPathTest {

    @Test
    void aPathOfThisApplicationIsKept() {
        assertThat(ReturnPath.of("", "/portal/device.xhtml?id=1&date=2026-12-01"))
                .contains("/portal/device.xhtml?id=1&date=2026-12-01");
        assertThat(ReturnPath.of("/ems", "/ems/console/users.xhtml")).contains("/ems/console/users.xhtml");
        assertThat(ReturnPath.of("", "/portal/x.xhtml?q=a%20b")).contains("/portal/x.xhtml?q=a%20b");
    }

    @Test
    void anythingThatCouldLeaveTheApplicationIsNot() {
        for (String target : List.of(
                "//evil.example/",
                "/\\evil.example/",
                "\\\\evil.example",
                "https://evil.example/",
                "javascript:alert(1)",
                "/%2F%2Fevil.example/",
                "%2F%2Fevil.example",
                "/%5Cevil.example",
                "/%252F%252Fevil.example",
                "/portal/%0d%0aSet-Cookie:x=y",
                "portal/devices.xhtml",
                "")) {
            assertThat(ReturnPath.of("", target)).as(target).isEmpty();
        }
        assertThat(ReturnPath.of("/ems", "/other/page.xhtml")).isEmpty();
        assertThat(ReturnPath.of("/ems", "/ems//evil.example")).isEmpty();
        assertThat(ReturnPath.of("", null)).isEmpty();
    }
}
