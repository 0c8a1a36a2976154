package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mail as a black box, with a real SMTP server (GreenMail) in the test's JVM: addresses (given by an administrator:
 * confirmed; given by users themselves: confirmed by a mailed link), the whole password reset, and mails queued while
 * the mail server is down, sent once when it is back, EMS restarted in between.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailSystemIT {

    private static final String ADMIN_PASSWORD = "mail-admin-password";

    private final int smtpPort = RunningEms.freePort();
    private GreenMail smtp;
    private RunningEms ems;
    private ApiClient api;
    private String admin;
    private Map<String, String> env;

    @BeforeAll
    void start() throws Exception {
        smtp = smtp();
        env = Map.of(
                "EMS_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "EMS_MAIL_HOST", "127.0.0.1",
                "EMS_MAIL_PORT", Integer.toString(smtpPort),
                "EMS_MAIL_TLS", "none",
                "EMS_MAIL_FROM", "EMS <ems@example.com>");
        ems = RunningEms.ready("mail", env);
        api = new ApiClient(ems);
        admin = api.login("admin", ADMIN_PASSWORD).getString("token");
    }

    private GreenMail smtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @AfterAll
    void stop() throws Exception {
        if (ems != null) {
            ems.close();
        }
        smtp.stop();
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkOnce() throws Exception {
        client("mia", "mia@example.com");
        String miasToken = api.login("mia", "mia-password-1").getString("token");

        for (String body :
                List.of("{\"username\":\"mia\"}", "{\"username\":\"nobody\"}", "{\"email\":\"x@example.org\"}")) {
            assertThat(api.call("POST", "api/auth/password-reset", null, body).statusCode())
                    .as("the same answer for every account, existing or not")
                    .isEqualTo(202);
        }
        MimeMessage mail = awaitMail("mia@example.com", "Reset your EMS password");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("EMS <ems@example.com>");
        assertThat(mail.getHeader("Message-ID")[0]).endsWith("@ems>");
        String text = part(mail, "text/plain");
        assertThat(part(mail, "text/html")).contains("<a href=\"" + ems.url("password-reset.xhtml?code="));
        String code = code(text, "password-reset.xhtml");

        assertThat(api.call(
                                "POST",
                                "api/auth/password-reset/confirm",
                                null,
                                "{\"token\":\"" + code + "\",\"password\":\"short\"}")
                        .statusCode())
                .as("the rules of passwords hold; the link stays valid")
                .isEqualTo(400);
        assertThat(api.call(
                                "POST",
                                "api/auth/password-reset/confirm",
                                null,
                                "{\"token\":\"" + code + "\",\"password\":\"mia-new-password\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> again = api.call(
                "POST",
                "api/auth/password-reset/confirm",
                null,
                "{\"token\":\"" + code + "\",\"password\":\"another-password\"}");
        assertThat(again.statusCode()).as("a link is used once").isEqualTo(400);
        assertThat(again.body()).contains("not valid");
        assertThat(api.call("GET", "api/me", miasToken, null).statusCode())
                .as("the account's other sign-ins ended")
                .isEqualTo(401);
        assertThat(api.loginResponse("mia", "mia-new-password").statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "api/audit?size=50", admin, null).body())
                .contains("PASSWORD_RESET")
                .doesNotContain(code);
    }

    @Test
    void anAddressUsersGiveThemselvesIsConfirmedByTheMailedLinkInTheirLanguage() throws Exception {
        client("ion", null);
        String token = api.login("ion", "ion-password-1").getString("token");
        JsonObject changed = ApiClient.json(api.call(
                "PUT",
                "api/me",
                token,
                "{\"timeZone\":\"Europe/Bucharest\",\"language\":\"ro\",\"email\":\"ion@example.com\"}"));
        assertThat(changed.getString("email")).isEqualTo("ion@example.com");
        assertThat(changed.getBoolean("emailConfirmed")).isFalse();
        assertThat(api.call("POST", "api/auth/password-reset", null, "{\"username\":\"ion\"}")
                        .statusCode())
                .isEqualTo(202);

        MimeMessage mail = awaitMail("ion@example.com", "Confirmați adresa de e-mail pentru EMS");
        assertThat(part(mail, "text/plain")).startsWith("Bună ziua, ion,");
        String code = code(part(mail, "text/plain"), "confirm-email.xhtml");
        assertThat(api.call("POST", "api/auth/email-confirmation", null, "{\"token\":\"" + code + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(ApiClient.json(api.call("GET", "api/me", token, null)).getBoolean("emailConfirmed"))
                .isTrue();
        assertThat(Arrays.stream(smtp.getReceivedMessagesForDomain("ion@example.com")))
                .as("no reset link went to the address before it was confirmed")
                .hasSize(1);
    }

    @Test
    void anAlertIsMailedOnceToItsOwnerWhoStopsSuchMailsWithOneClick() throws Exception {
        UUID eva = client("eva", "eva@example.com");
        // an administrator who wants every alert: an address of their own, and the choice
        String adminId = ApiClient.json(api.call("GET", "api/me", admin, null)).getString("id");
        assertThat(api.call(
                                "PUT",
                                "api/users/" + adminId,
                                admin,
                                "{\"name\":\"Administrator\",\"role\":\"ADMIN\",\"email\":\"boss@example.com\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(ApiClient.json(api.call("PUT", "api/me", admin, "{\"timeZone\":\"UTC\",\"notifyAllAlerts\":true}"))
                        .getBoolean("notifyAllAlerts"))
                .isTrue();
        String evaToken = api.login("eva", "eva-password-1").getString("token");
        assertThat(api.call("PUT", "api/me", evaToken, "{\"timeZone\":\"UTC\",\"notifyAllAlerts\":true}")
                        .statusCode())
                .as("a client cannot ask for every alert")
                .isEqualTo(400);
        UUID device = UUID.fromString(ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"Eva's boiler\",\"maxHourlyKwh\":1,\"ownerId\":\"" + eva
                                + "\",\"timeZone\":\"Europe/Bucharest\"}"))
                .getString("id"));
        // (the device counts hours in Bucharest; the mail shows them in its owner's zone, UTC)
        ems.sendReadings(
                RunningEms.reading(device, "2026-05-06T10:00:00Z", "0"),
                RunningEms.reading(device, "2026-05-06T10:30:00Z", "1.5"));
        MimeMessage mail =
                awaitMail("eva@example.com", "Eva's boiler: 1.5 kWh in the hour from 2026-05-06 10:00 (limit 1 kWh)");
        String text = part(mail, "text/plain");
        assertThat(text)
                .contains("from 2026-05-06 10:00 to 11:00 (UTC)")
                .contains(ems.url("portal/alerts.xhtml").toString())
                .contains(ems.url("unsubscribe.xhtml?user=" + eva).toString());
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(part(awaitMail("boss@example.com", mail.getSubject()), "text/plain"))
                .as("the administrator's copy links to the console")
                .contains(ems.url("console/alerts.xhtml").toString());
        String oneClick = mail.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        assertThat(oneClick)
                .startsWith(ems.url("api/notifications/unsubscribe?user=" + eva).toString());

        // the same reading again, a later one of the hour: the alert is delivered again, mailed never twice
        ems.sendReadings(
                RunningEms.reading(device, "2026-05-06T10:30:00Z", "1.5"),
                RunningEms.reading(device, "2026-05-06T10:50:00Z", "2"));
        stays("one mail to eva", () -> smtp.getReceivedMessagesForDomain("eva@example.com").length == 1);

        // one click, as a mail program posts it (RFC 8058): no more alert mails
        HttpResponse<String> stopped = api.http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(oneClick))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stopped.statusCode()).isEqualTo(204);
        ems.sendReadings(
                RunningEms.reading(device, "2026-05-06T11:00:00Z", "2"),
                RunningEms.reading(device, "2026-05-06T11:30:00Z", "4"));
        Awaitility.await("the second alert raised")
                .atMost(Duration.ofSeconds(20))
                .until(() -> ApiClient.jsonArray(api.call("GET", "api/alerts?deviceId=" + device, admin, null))
                                .size()
                        == 2);
        stays("still one mail to eva", () -> smtp.getReceivedMessagesForDomain("eva@example.com").length == 1);
        assertThat(api.call("GET", "api/users/" + eva, admin, null).body()).contains("\"notifyAlerts\":false");
    }

    @Test
    void mailsWaitWhileTheMailServerIsDownAndGoOnceWhenItIsBack() throws Exception {
        client("ana", "ana@example.com");
        smtp.stop();
        for (int i = 0; i < 3; i++) {
            assertThat(api.call("POST", "api/auth/password-reset", null, "{\"email\":\"ana@example.com\"}")
                            .statusCode())
                    .isEqualTo(202);
        }
        Awaitility.await("three mails waiting")
                .atMost(Duration.ofSeconds(20))
                .until(() -> gauge("ems_mails_waiting") == 3);

        ems.stop();
        smtp = smtp();
        ems = ems.restarted(env);
        Awaitility.await("three mails sent after the restart")
                .atMost(Duration.ofSeconds(90))
                .until(() -> smtp.getReceivedMessagesForDomain("ana@example.com").length == 3);
        stays("no fourth", () -> smtp.getReceivedMessagesForDomain("ana@example.com").length == 3);
        assertThat(Files.readString(ems.home.resolve("logs/micro.0.log"))).doesNotContain("password-reset.xhtml?code=");
    }

    /** Holds {@code condition} for 5 s (what should not happen does not, in that time). */
    private static void stays(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what)
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(7))
                .until(condition);
    }

    private UUID client(String username, String email) throws Exception {
        HttpResponse<String> created = api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"" + username + "\",\"password\":\"" + username
                        + "-password-1\",\"name\":\"" + username + "\",\"role\":\"CLIENT\""
                        + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}");
        assertThat(created.statusCode()).isEqualTo(201);
        return UUID.fromString(ApiClient.json(created).getString("id"));
    }

    private double gauge(String name) throws Exception {
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.]+)$")
                .matcher(api.call("GET", "metrics", null, null).body());
        return value.find() ? Double.parseDouble(value.group(2)) : -1;
    }

    private MimeMessage awaitMail(String recipient, String subject) {
        return Awaitility.await("a mail to " + recipient + ": " + subject)
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> Arrays.stream(smtp.getReceivedMessagesForDomain(recipient))
                                .filter(m -> {
                                    try {
                                        return subject.equals(m.getSubject());
                                    } catch (jakarta.mail.MessagingException e) {
                                        return false;
                                    }
                                })
                                .reduce((first, second) -> second),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The decoded text of a mail's part of {@code type} (text/plain, text/html). */
    static String part(Message mail, String type) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String code(String text, String page) {
        Matcher link = Pattern.compile(Pattern.quote(page) + "\\?code=([A-Za-z0-9_-]+)")
                .matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }
}
