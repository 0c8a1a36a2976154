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
 * confirmed; given by users themselves: confirmed by a mailed link), the whole password reset, alerts and chat
 * messages mailed (once; chat only to who is away), quiet hours and the digest, and mails queued while the mail server
 * is down, sent once when it is back, EMS restarted in between. Webhooks, with a real HTTP receiver in the test's JVM:
 * signed deliveries, a failed one made again with the same id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsSystemIT {

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
                "EMS_MAIL_FROM", "EMS <ems@example.com>",
                // the test's receiver is a plain HTTP server on this host
                "EMS_WEBHOOKS_ALLOW_HTTP", "on",
                "EMS_WEBHOOKS_ALLOW_PRIVATE", "on");
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
    void importedUsersChooseTheirPasswordThroughTheMailedLink() throws Exception {
        HttpResponse<String> imported = api.call(
                "POST",
                "api/users/import",
                admin,
                "username,name,role,timeZone,email\nnoor,Noor Haddad,CLIENT,Europe/Bucharest,noor@example.com\n"
                        + "olaf,Olaf,CLIENT,,\n",
                "text/csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(ApiClient.json(imported).getInt("created")).isEqualTo(2);
        assertThat(api.loginResponse("olaf", "").statusCode())
                .as("no password: no sign-in")
                .isIn(400, 401);
        MimeMessage mail = awaitMail("noor@example.com", "Your EMS account");
        String text = part(mail, "text/plain");
        assertThat(text).contains("\"noor\"").contains("7 days");
        String code = code(text, "password-reset.xhtml");
        assertThat(api.call(
                                "POST",
                                "api/auth/password-reset/confirm",
                                null,
                                "{\"token\":\"" + code + "\",\"password\":\"noor-chosen-password\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.loginResponse("noor", "noor-chosen-password").statusCode())
                .isEqualTo(200);
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
        assertThat(ApiClient.json(api.call("PUT", "api/me/notifications", admin, "{\"email\":{\"allAlerts\":true}}"))
                        .getJsonObject("email")
                        .getBoolean("allAlerts"))
                .isTrue();
        String evaToken = api.login("eva", "eva-password-1").getString("token");
        assertThat(api.call("PUT", "api/me/notifications", evaToken, "{\"email\":{\"allAlerts\":true}}")
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
                .contains(ems.url("portal/alerts.xhtml").toString());
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
    void inQuietHoursOrWithTheDigestAlertsWaitAndGoAsOneSummary() throws Exception {
        UUID lea = client("lea", "lea@example.com");
        String token = api.login("lea", "lea-password-1").getString("token");
        for (String refused : List.of(
                "{\"quietHours\":{\"from\":\"22:00\"}}",
                "{\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:00\"}}",
                "{\"quietHours\":{\"from\":\"07:00\",\"to\":\"07:00\"}}",
                "{\"digest\":\"weekly\"}")) {
            HttpResponse<String> answer = api.call("PUT", "api/me/notifications", token, refused);
            assertThat(answer.statusCode()).as(refused).isEqualTo(400);
            assertThat(answer.body()).as(refused).contains("\"errors\"");
        }
        // quiet hours from an hour ago to an hour ahead, in Lea's zone (UTC)
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        String quiet = "{\"quietHours\":{\"from\":\"" + hhmm(now.minusHours(1)) + "\",\"to\":\""
                + hhmm(now.plusHours(1)) + "\"},\"digest\":\"off\"}";
        assertThat(api.call("PUT", "api/me/notifications", token, quiet).statusCode())
                .isEqualTo(200);
        JsonObject settings = ApiClient.json(api.call("GET", "api/me/notifications", token, null));
        assertThat(settings.getJsonObject("quietHours").getString("to")).isEqualTo(hhmm(now.plusHours(1)));
        assertThat(settings.getJsonObject("email").getBoolean("alerts")).isTrue();
        assertThat(settings.getString("digest")).isEqualTo("off");

        UUID device = device("Lea's heater", lea);
        ems.sendReadings(
                RunningEms.reading(device, "2026-07-01T10:00:00Z", "0"),
                RunningEms.reading(device, "2026-07-01T10:30:00Z", "2"),
                RunningEms.reading(device, "2026-07-01T11:00:00Z", "2"),
                RunningEms.reading(device, "2026-07-01T11:30:00Z", "4"));
        Awaitility.await("two alerts held")
                .atMost(Duration.ofSeconds(20))
                .until(() -> gauge("ems_notifications_held") >= 2);
        // the daily digest instead: they wait for 07:00 now
        assertThat(api.call("PUT", "api/me/notifications", token, "{\"digest\":\"daily\"}")
                        .statusCode())
                .isEqualTo(200);
        stays("no mail to lea", () -> smtp.getReceivedMessagesForDomain("lea@example.com").length == 0);
        // neither: what waited goes at once, as one summary
        assertThat(api.call("PUT", "api/me/notifications", token, "{\"digest\":\"off\"}")
                        .statusCode())
                .isEqualTo(200);
        MimeMessage summary = awaitMail("lea@example.com", "EMS: 2 notifications that waited for you");
        assertThat(part(summary, "text/plain"))
                .contains("■ Lea's heater: 2 kWh in the hour from 2026-07-01 10:00 (limit 1 kWh)")
                .contains("■ Lea's heater: 2 kWh in the hour from 2026-07-01 11:00 (limit 1 kWh)")
                .contains(ems.url("unsubscribe.xhtml?user=" + lea + "&list=all").toString());
        stays("one mail to lea", () -> smtp.getReceivedMessagesForDomain("lea@example.com").length == 1);
        assertThat(gauge("ems_notifications_held")).isZero();
        assertThat(api.call("GET", "api/audit?size=50", admin, null).body()).contains("NOTIFICATIONS_CHANGED");
    }

    @Test
    void aChatMessageIsMailedToWhoIsAwayOncePerHalfHour() throws Exception {
        UUID tom = client("tom", "tom@example.com");
        UUID una = client("una", "una@example.com");
        // Una has a page open (its alerts socket); Tom has none
        var unasFrames = new java.util.concurrent.LinkedBlockingQueue<String>();
        var adminsFrames = new java.util.concurrent.LinkedBlockingQueue<String>();
        var unasPage =
                api.socket("/ws/alerts", api.login("una", "una-password-1").getString("token"), null, unasFrames);
        var adminsChat = api.socket("/ws/chat", admin, null, adminsFrames);
        try {
            for (var message : List.of(
                    Map.entry(tom, "Your meter is fixed"),
                    Map.entry(tom, "Anything else?"),
                    Map.entry(una, "Your meter is fixed too"))) {
                adminsChat
                        .sendText(
                                "{\"type\":\"send\",\"conversationId\":\"" + message.getKey() + "\",\"clientMsgId\":\""
                                        + UUID.randomUUID() + "\",\"text\":\"" + message.getValue() + "\"}",
                                true)
                        .get();
                Awaitility.await("the acknowledgement")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> java.util.Objects.requireNonNullElse(adminsFrames.poll(), "")
                                .contains("\"ack\""));
            }
            MimeMessage mail = awaitMail("tom@example.com", "admin wrote to you on EMS");
            assertThat(part(mail, "text/plain"))
                    .contains("Your meter is fixed")
                    .contains(ems.url("portal/chat.xhtml").toString())
                    .contains(ems.url("unsubscribe.xhtml?user=" + tom + "&list=chat")
                            .toString());
            stays(
                    "one chat mail to tom in half an hour, none to una, who is here",
                    () -> smtp.getReceivedMessagesForDomain("tom@example.com").length == 1
                            && smtp.getReceivedMessagesForDomain("una@example.com").length == 0);
        } finally {
            unasPage.abort();
            adminsChat.abort();
        }
    }

    @Test
    void aWebhookGetsSignedEventsAndAFailedDeliveryAgainWithTheSameId() throws Exception {
        List<Map.Entry<com.sun.net.httpserver.Headers, String>> received =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(Map.entry(
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            // the first delivery fails: it must come again
            exchange.sendResponseHeaders(answers.getAndIncrement() == 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            HttpResponse<String> created = api.call(
                    "POST",
                    "api/webhooks",
                    admin,
                    "{\"url\":\"" + url + "\",\"events\":[\"alert.raised\",\"device.created\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
            String hook = ApiClient.json(created).getString("id");
            String secret = ApiClient.json(created).getString("secret");
            assertThat(api.call("GET", "api/webhooks/" + hook, admin, null).body())
                    .doesNotContain(secret);

            UUID device = device("Webhook meter", client("wes", null));
            Awaitility.await("device.created delivered after a 500 and a retry")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> received.size() >= 2);
            var first = received.get(0);
            var again = received.get(1);
            assertThat(again.getValue()).isEqualTo(first.getValue());
            assertThat(again.getKey().getFirst("X-EMS-Delivery"))
                    .isEqualTo(first.getKey().getFirst("X-EMS-Delivery"));
            JsonObject event = ApiClient.json(first.getValue());
            assertThat(event.getString("event")).isEqualTo("device.created");
            assertThat(event.getString("id")).isEqualTo(first.getKey().getFirst("X-EMS-Delivery"));
            assertThat(event.getJsonObject("data").getString("id")).isEqualTo(device.toString());
            assertThat(first.getKey().getFirst("X-EMS-Event")).isEqualTo("device.created");
            assertThat(first.getKey().getFirst("X-EMS-Signature"))
                    .isEqualTo("sha256=" + hmac(secret, first.getValue()));

            ems.sendReadings(
                    RunningEms.reading(device, "2026-08-01T10:00:00Z", "0"),
                    RunningEms.reading(device, "2026-08-01T10:30:00Z", "3"),
                    RunningEms.reading(device, "2026-08-01T10:40:00Z", "4")); // a later total: no new event
            assertThat(api.call("POST", "api/webhooks/" + hook + "/test", admin, null)
                            .statusCode())
                    .isEqualTo(202);
            Awaitility.await("the alert and the test event")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> received.stream()
                            .map(r -> r.getKey().getFirst("X-EMS-Event"))
                            .toList()
                            .containsAll(List.of("alert.raised", "webhook.test")));
            stays(
                    "one alert.raised",
                    () -> received.stream()
                                    .filter(r ->
                                            r.getKey().getFirst("X-EMS-Event").equals("alert.raised"))
                                    .count()
                            == 1);
            JsonObject alert = ApiClient.json(received.stream()
                    .filter(r -> r.getKey().getFirst("X-EMS-Event").equals("alert.raised"))
                    .findFirst()
                    .orElseThrow()
                    .getValue());
            assertThat(alert.getJsonObject("data").getString("deviceId")).isEqualTo(device.toString());

            var deliveries = ApiClient.jsonArray(api.call("GET", "api/webhooks/" + hook + "/deliveries", admin, null));
            JsonObject created1 = deliveries.getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getString("event").equals("device.created"))
                    .findFirst()
                    .orElseThrow();
            assertThat(created1.getString("status")).isEqualTo("delivered");
            assertThat(created1.getInt("attempts")).isEqualTo(2);
            assertThat(created1.getInt("statusCode")).isEqualTo(204);
            assertThat(api.call("GET", "api/audit?size=50", admin, null).body())
                    .contains("WEBHOOK_CREATED")
                    .doesNotContain(secret);
        } finally {
            receiver.stop(0);
        }
    }

    private static String hmac(String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private UUID device(String name, UUID owner) throws Exception {
        return UUID.fromString(ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"" + name + "\",\"maxHourlyKwh\":1,\"ownerId\":\"" + owner
                                + "\",\"timeZone\":\"UTC\"}"))
                .getString("id"));
    }

    private static String hhmm(java.time.LocalTime time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
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
