package org.ems.users.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;
import org.junit.jupiter.api.Test;

class MailRulesTest {

    @Test
    void aMailTheServerDoesNotTakeWaitsTwiceAsLongEachTimeUpToAnHour() {
        assertThat(MailSender.pause(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailSender.pause(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailSender.pause(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(MailSender.pause(7)).isEqualTo(Duration.ofHours(1));
        assertThat(MailSender.pause(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theHtmlOfAMailIsItsTextEscapedWithItsLinksMadeLinks() {
        User user = new User("ana", "hash", "Ana", Role.CLIENT, "UTC");
        String html = MailTemplates.html(
                "Hello <Ana> & \"friends\",\n\nsee https://ems.example.com/portal/alerts.xhtml?x=1&y=2\nbye", user);
        assertThat(html)
                .contains("Hello &lt;Ana&gt; &amp; &quot;friends&quot;,</p><p>see ")
                .contains("<a href=\"https://ems.example.com/portal/alerts.xhtml?x=1&amp;y=2\">")
                .contains("<br>bye")
                .startsWith("<!DOCTYPE html><html lang=\"en\">")
                .doesNotContain("<Ana>");
    }
}
