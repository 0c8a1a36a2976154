package org.ems.users.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.ems.contracts.access.Rejected;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;
import org.junit.jupiter.api.Test;

class MailRulesTest {

    @Test
    void aMailOrDeliveryThatDidNotGoWaitsTwiceAsLongEachTimeUpToAnHour() {
        assertThat(org.ems.users.domain.Retries.pause(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(org.ems.users.domain.Retries.pause(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(org.ems.users.domain.Retries.pause(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(org.ems.users.domain.Retries.pause(7)).isEqualTo(Duration.ofHours(1));
        assertThat(org.ems.users.domain.Retries.pause(40)).isEqualTo(Duration.ofHours(1));
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

    @Test
    void heldNotificationsGoAsOneSummaryInTheUsersLanguage() {
        User ana = new User("ana", "hash", "Ana", Role.CLIENT, "Europe/Bucharest");
        ana.changePreferences("Europe/Bucharest", "ro");
        MailTemplates templates = new MailTemplates();
        templates.publicUrl = java.util.Optional.of("https://ems.example.com/");
        var chat = templates.chat(
                ana,
                new org.ems.contracts.chat.ChatPosted(
                        ana.id(),
                        java.util.UUID.randomUUID(),
                        java.util.UUID.randomUUID(),
                        "support",
                        true,
                        "x".repeat(600),
                        java.time.Instant.parse("2026-12-03T20:15:00Z")));
        assertThat(chat.subject()).isEqualTo("support v-a scris pe EMS");
        assertThat(chat.text())
                .contains("2026-12-03 22:15")
                .contains("x".repeat(500) + "…")
                .doesNotContain("x".repeat(501))
                .contains("https://ems.example.com/portal/chat.xhtml");
        var summary = templates.summary(
                ana, java.util.List.of(chat, new org.ems.users.domain.Notice("Al doilea", "text doi")));
        assertThat(summary.subject()).isEqualTo("EMS: 2 notificări care v-au așteptat");
        assertThat(summary.text()).contains("■ support v-a scris pe EMS\n").endsWith("■ Al doilea\ntext doi");
    }

    @Test
    void notificationSettingsKeepTheFlagsTheyLeaveOutAndNeedBothEndsOfQuietHours() {
        var current = new org.ems.users.domain.NotificationPreferences(false, false, true, null, false);
        NotificationSettings change = new NotificationSettings();
        change.getEmail().setAlerts(true);
        change.setDigest("daily");
        assertThat(change.over(current))
                .isEqualTo(new org.ems.users.domain.NotificationPreferences(true, false, true, null, true));
        change.setQuietHours(new NotificationSettings.QuietHours());
        change.getQuietHours().setFrom("22:00");
        assertThat(catchThrowableOfType(() -> change.over(current), Rejected.class)
                        .errors())
                .extracting(Rejected.FieldError::field)
                .containsExactly("quietHours");
        change.getQuietHours().setTo("");
        assertThat(catchThrowableOfType(() -> change.over(current), Rejected.class))
                .as("an empty end, as a page's empty field")
                .isNotNull();
        change.getQuietHours().setTo("22:00");
        assertThat(catchThrowableOfType(() -> change.over(current), Rejected.class))
                .isNotNull();
    }

    @Test
    void aWebhookSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231, test case 2
        assertThat(WebhookSender.signature("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
