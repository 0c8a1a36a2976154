package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.client.LaunchedEms;
import org.ems.simulator.client.TextMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The installed distribution behind a real nginx (Debian's package; {@code .ci/run} installs it) that ends TLS, with
 * the distribution's own {@code dist/nginx-ems.conf} (names, ports and certificate replaced): people sign in and get
 * their alerts through it, redirects and cookies follow the public URL, client addresses come from the proxy only,
 * {@code /metrics} is the scraper's, and every log is JSON lines under the home. Skipped where nginx is missing,
 * except in CI ({@code CI} set), where that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseProxyIT {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private static final String PASSWORD = "proxied-" + UUID.randomUUID();

    private static final String METRICS_TOKEN = UUID.randomUUID().toString().replace("-", "")
            + UUID.randomUUID().toString().replace("-", "");

    private Installation installation;
    private LaunchedEms.Ports ports;
    private Path home;
    private Installation.Running ems;
    private Process nginx;
    private Path proxy;
    private SSLContext trusted;
    private URI publicUrl;
    private HttpClient browser;
    private EmsClient api;
    private String admin;

    @BeforeAll
    void start() throws Exception {
        boolean present = Files.isExecutable(NGINX);
        // In CI a missing nginx is a failure (.ci/run installs it), never a silent skip.
        assertThat(present || System.getenv("CI") == null)
                .as("nginx installed in CI")
                .isTrue();
        assumeTrue(present, "no nginx here (apt install nginx-light)");
        installation = Installation.unpacked();
        ports = LaunchedEms.Ports.free();
        int httpsPort = RunningEms.freePort();
        publicUrl = URI.create("https://localhost:" + httpsPort + "/");
        home = Installation.home(
                "proxied",
                ports,
                "ems.admin.password=" + PASSWORD,
                "ems.public-url=https://localhost:" + httpsPort,
                "ems.trusted-proxies=127.0.0.1/32",
                "ems.metrics.token=" + METRICS_TOKEN,
                "ems.log.format=json",
                "ems.log.files=3");
        proxy = Files.createTempDirectory(Path.of("target"), "nginx-").toAbsolutePath();
        trusted = certificate(proxy);
        Files.writeString(proxy.resolve("ems.conf"), site(httpsPort, RunningEms.freePort()));
        Files.writeString(
                proxy.resolve("nginx.conf"),
                ("root".equals(System.getProperty("user.name")) ? "user root;\n" : "")
                        + "worker_processes 1;\npid %1$s/nginx.pid;\nerror_log %1$s/error.log warn;\n".formatted(proxy)
                        + "events { worker_connections 256; }\n"
                        + ("http {\n  access_log %1$s/access.log;\n  client_body_temp_path %1$s/body;\n"
                                        + "  proxy_temp_path %1$s/proxy;\n  fastcgi_temp_path %1$s/fastcgi;\n"
                                        + "  uwsgi_temp_path %1$s/uwsgi;\n  scgi_temp_path %1$s/scgi;\n"
                                        + "  include %1$s/ems.conf;\n}\n")
                                .formatted(proxy));
        nginx = new ProcessBuilder(
                        NGINX.toString(),
                        "-p",
                        proxy.toString(),
                        "-c",
                        proxy.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(proxy.resolve("nginx.out").toFile())
                .start();
        ems = installation.start(home, ports.url(0));
        browser = HttpClient.newBuilder()
                .sslContext(trusted)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        api = new EmsClient(publicUrl, browser);
        Awaitility.await("EMS through nginx")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> get("health/ready", Map.of()).statusCode() == 200);
        admin = api.login("admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (ems != null) {
            ems.close();
        }
    }

    @Test
    void aClientSignsInThroughTheProxyAndGetsTheAlertOverItsSocket() throws Exception {
        UUID ana = UUID.fromString(api.post(
                        admin,
                        "api/users",
                        "{\"username\":\"ana\",\"password\":\"" + PASSWORD + "\",\"name\":\"Ana\",\"role\":\"CLIENT\"}")
                .getString("id"));
        UUID device = api.device(admin, "proxied meter", "1", ana, "UTC");

        // A page without a session leads to the sign-in page, at the public address.
        HttpResponse<String> page = get("portal/devices.xhtml", Map.of());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains(publicUrl + "login.xhtml");

        HttpResponse<String> signedIn = api.signInThroughForm(null, "ana", PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).contains(publicUrl + "portal/devices.xhtml");
        List<String> cookies = signedIn.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
                .anyMatch(cookie -> cookie.startsWith("EMS_SIGNIN="))
                .allMatch(cookie -> cookie.contains("Secure"));
        String session = EmsClient.sessionCookies(signedIn).orElseThrow();

        // The page's socket, as the browser opens it from the public origin; another origin's page may not.
        var alerts = new LinkedBlockingQueue<String>();
        WebSocket socket = socket(session, publicUrl.toString().replaceAll("/$", ""), alerts);
        assertThatThrownBy(() -> socket(session, "https://evil.example", new LinkedBlockingQueue<>()))
                .cause()
                .isInstanceOfSatisfying(
                        java.net.http.WebSocketHandshakeException.class,
                        refused ->
                                assertThat(refused.getResponse().statusCode()).isEqualTo(403));
        try {
            String meterPassword = secrets().getProperty("broker.meter.password");
            try (JMSContext meter = new ActiveMQConnectionFactory(
                            "tcp://127.0.0.1:" + ports.broker(), "meter", meterPassword)
                    .createContext()) {
                for (String[] reading :
                        new String[][] {{"2026-05-06T10:00:00Z", "0"}, {"2026-05-06T10:30:00Z", "1.5"}}) {
                    meter.createProducer()
                            .send(
                                    meter.createQueue(Destinations.READINGS),
                                    MeterReadingCodec.encode(new MeterReading(
                                            device, Instant.parse(reading[0]), new BigDecimal(reading[1]))));
                }
            }
            String pushed = alerts.poll(30, TimeUnit.SECONDS);
            assertThat(pushed).as("the alert, through nginx").isNotNull();
            assertThat(json(pushed).getString("deviceId")).isEqualTo(device.toString());
        } finally {
            socket.abort();
        }
    }

    @Test
    void theClientAddressIsTheOneTheProxySawNotOneTheClientClaims() throws Exception {
        // From 127.0.0.2 (another loopback address: the proxy's trusted one is 127.0.0.1), claiming another address.
        String body = "{\"username\":\"probe\",\"password\":\"wrong-one\"}";
        String status = rawRequest(
                InetAddress.getByName("127.0.0.2"),
                "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 198.51.100.7\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(status).startsWith("HTTP/1.1 401");
        Awaitility.await("the failed sign-in in the security log")
                .atMost(Duration.ofSeconds(10))
                .until(() -> log("micro.0.log").contains("event=sign-in-failed user=probe address=127.0.0.2"));
        assertThat(log("micro.0.log")).doesNotContain("198.51.100.7").doesNotContain("wrong-one");
        Awaitility.await("the request in the access log")
                .atMost(Duration.ofSeconds(10))
                .until(() -> accessLog()
                        .anyMatch(line -> line.getString("path").equals("/api/auth/login")
                                && line.getString("client").equals("127.0.0.2")
                                && line.getInt("status") == 401));
    }

    @Test
    void metricsAreServedToTheScraperOnly() throws Exception {
        assertThat(get("metrics", Map.of()).statusCode()).isEqualTo(403);
        assertThat(get("metrics", Map.of("Authorization", "Bearer not-the-token-" + METRICS_TOKEN))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> scraped = get("metrics", Map.of("Authorization", "Bearer " + METRICS_TOKEN));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("ems_readings_stored_total");
        // on this host, not through the proxy
        assertThat(new EmsClient(ports.url(0)).counter("ems_readings_stored_total"))
                .isNotNegative();
    }

    @Test
    void everyLogIsJsonLinesUnderTheHomeAndTheAccessLogKeepsNoSecrets() throws Exception {
        assertThat(get("api/me?access_token=hunter2-" + UUID.randomUUID(), Map.of())
                        .statusCode())
                .isEqualTo(401);
        Awaitility.await("the request in the access log")
                .atMost(Duration.ofSeconds(10))
                .until(() -> accessLog().anyMatch(line -> line.getString("path").equals("/api/me")));
        for (String file : List.of("launcher.0.log", "broker.0.log", "micro.0.log", "micro-access.0.log")) {
            List<String> lines = Files.readAllLines(home.resolve("logs").resolve(file));
            assertThat(lines).as(file).isNotEmpty();
            assertThat(lines).as(file).allSatisfy(line -> assertThat(json(line)).isNotEmpty());
        }
        try (Stream<Path> postgres = Files.list(home.resolve("logs"))) {
            Path log = postgres.filter(f -> f.getFileName().toString().matches("postgres-.+\\.json"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readAllLines(log)).isNotEmpty().allSatisfy(ReverseProxyIT::json);
        }
        String access = log("micro-access.0.log");
        assertThat(access).doesNotContain("hunter2").doesNotContain(admin).doesNotContain(PASSWORD);
    }

    /** The shipped site configuration on this test's names, ports and certificate; each replaced part must be there. */
    private String site(int httpsPort, int httpPort) throws Exception {
        String site = Files.readString(installation.root.resolve("dist/nginx-ems.conf"));
        Map<String, String> replacements = Map.of(
                "listen 443 ssl;",
                "listen 127.0.0.1:" + httpsPort + " ssl;",
                "listen 80;",
                "listen 127.0.0.1:" + httpPort + ";",
                "/etc/ssl/certs/ems.example.com.pem",
                proxy.resolve("cert.pem").toString(),
                "/etc/ssl/private/ems.example.com.key",
                proxy.resolve("key.pem").toString(),
                "server_name ems.example.com;",
                "server_name localhost;",
                "server 127.0.0.1:8080;",
                "server 127.0.0.1:" + ports.http() + ";");
        for (var replacement : replacements.entrySet()) {
            assertThat(site).as("dist/nginx-ems.conf").contains(replacement.getKey());
            site = site.replace(replacement.getKey(), replacement.getValue());
        }
        return site;
    }

    /** A self-signed certificate for {@code localhost} (keytool), as PEM files for nginx; a context trusting it. */
    private static SSLContext certificate(Path directory) throws Exception {
        Path store = directory.resolve("proxy.p12");
        Installation.Result made = Installation.run(
                directory,
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-alias",
                        "proxy",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit"),
                Map.of(),
                60);
        assertThat(made.exit()).as(String.join("\n", made.output())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        Certificate certificate = keys.getCertificate("proxy");
        Files.writeString(directory.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(
                directory.resolve("key.pem"),
                pem(
                        "PRIVATE KEY",
                        keys.getKey("proxy", "changeit".toCharArray()).getEncoded()));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("proxy", certificate);
        TrustManagerFactory trusting = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusting.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trusting.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(publicUrl.resolve(path));
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private WebSocket socket(String session, String origin, LinkedBlockingQueue<String> received) throws Exception {
        return browser.newWebSocketBuilder()
                .header("Cookie", session)
                .header("Origin", origin)
                .buildAsync(
                        URI.create("wss://localhost:" + publicUrl.getPort() + "/ws/alerts"),
                        new TextMessages(received::add))
                .get(10, TimeUnit.SECONDS);
    }

    /** One request over TLS from {@code local} (the HTTP client cannot choose its address); the status line. */
    private String rawRequest(InetAddress local, String request) throws Exception {
        try (SSLSocket socket =
                (SSLSocket) trusted.getSocketFactory().createSocket("localhost", publicUrl.getPort(), local, 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        }
    }

    private Properties secrets() throws Exception {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        return secrets;
    }

    private String log(String file) throws Exception {
        return Files.readString(home.resolve("logs").resolve(file));
    }

    private Stream<JsonObject> accessLog() throws Exception {
        return Files.readAllLines(home.resolve("logs/micro-access.0.log")).stream()
                .map(ReverseProxyIT::json);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
