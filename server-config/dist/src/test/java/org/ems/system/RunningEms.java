package org.ems.system;

import jakarta.jms.JMSContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;

/**
 * EMS as {@code ./ems run} starts it (same launcher, same distribution), on free ports with its own EMS_HOME; its
 * console output is collected.
 */
final class RunningEms implements AutoCloseable {

    final Path home;
    final int httpPort;
    final int dbPort;
    final int brokerPort;
    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    /** A home of its own ({@link #ready}): emptied but for its logs when this EMS is closed. */
    private boolean ownHome;

    private RunningEms(Path home, int httpPort, int dbPort, int brokerPort, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.dbPort = dbPort;
        this.brokerPort = brokerPort;
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** A new EMS on a fresh home under {@code target/} and free ports, once it says it is ready. */
    static RunningEms ready(String name, Map<String, String> env) throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "ems-" + name + "-")
                .toAbsolutePath();
        RunningEms ems = start(home, freePort(), freePort(), freePort(), env);
        ems.ownHome = true;
        try {
            ems.awaitLine("EMS ready at", 240);
        } catch (RuntimeException | Error e) {
            ems.close();
            throw e;
        }
        return ems;
    }

    static RunningEms start(Path home, int httpPort, int dbPort, int brokerPort) throws IOException {
        return start(home, httpPort, dbPort, brokerPort, Map.of());
    }

    static RunningEms start(Path home, int httpPort, int dbPort, int brokerPort, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dems.dist=" + distribution(),
                "-cp",
                distribution().resolve("lib") + "/*",
                "org.ems.runtime.Launcher",
                "run");
        builder.environment()
                .putAll(Map.of(
                        "EMS_HOME", home.toString(),
                        "EMS_HTTP_PORT", Integer.toString(httpPort),
                        "EMS_DB_PORT", Integer.toString(dbPort),
                        "EMS_BROKER_PORT", Integer.toString(brokerPort),
                        "EMS_CLUSTER_PORT", Integer.toString(freePort())));
        builder.environment().remove("EMS_ADMIN_PASSWORD");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        return new RunningEms(home, httpPort, dbPort, brokerPort, builder.start());
    }

    static Path distribution() {
        return Path.of(System.getProperty("ems.dist", "target/ems"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a console line containing {@code text}; fails if EMS exits first. */
    String awaitLine(String text, long seconds) throws InterruptedException {
        return awaitLine(0, text, seconds);
    }

    /** How many console lines EMS wrote so far: where {@link #awaitLine(int, String, long)} can start looking. */
    int lines() {
        return output.size();
    }

    /** Waits for a console line containing {@code text} from the {@code from}-th line on; fails if EMS exits first. */
    String awaitLine(int from, String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                for (String line : output.subList(Math.min(from, output.size()), output.size())) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            if (!process.isAlive() && seconds > 0) {
                Thread.sleep(200); // let the reader drain
                synchronized (output) {
                    if (output.stream().noneMatch(l -> l.contains(text))) {
                        throw new AssertionError("EMS exited (" + process.exitValue() + ") without '" + text
                                + "'; output:\n" + String.join("\n", output));
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' within " + seconds + " s; output:\n" + String.join("\n", output));
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }

    /** The {@code JSESSIONID=...} a response sets (a sign-in through the login form). */
    /**
     * Signs in through the login page as a browser does: fetches the form (its session and token), then posts it.
     *
     * @return the answer to the post: a redirect, with the signed-in session's cookie on success
     */
    HttpResponse<String> signInThroughForm(HttpClient http, String username, String password)
            throws IOException, InterruptedException {
        return signInThroughForm(http, url(""), username, password);
    }

    /** The same on the instance at {@code base} (several instances of one EMS: ClusterIT). */
    static HttpResponse<String> signInThroughForm(HttpClient http, URI base, String username, String password)
            throws IOException, InterruptedException {
        return signInThroughForm(http, base, null, username, password);
    }

    /** The same in the session whose {@code Cookie} header is {@code session}; null for the one the form opens. */
    static HttpResponse<String> signInThroughForm(
            HttpClient http, URI base, String session, String username, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder page = HttpRequest.newBuilder(base.resolve("login.xhtml"));
        if (session != null) {
            page.header("Cookie", session);
        }
        HttpResponse<String> form = http.send(page.build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("no token in the sign-in form: " + form.body());
        }
        return http.send(
                HttpRequest.newBuilder(base.resolve("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", session != null ? session : sessionCookie(form))
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                                + encode(password) + "&csrf=" + encode(token.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs out as the page's button does: the sign-out page's form (with the session's token) posted to
     * {@code /logout}.
     */
    HttpResponse<String> signOutThroughForm(HttpClient http, String cookie) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(url("logout.xhtml"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no token in the sign-out form: " + page.body());
        }
        return http.send(
                HttpRequest.newBuilder(url("logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + encode(token.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String sessionCookie(java.net.http.HttpResponse<?> response) {
        // What a browser sends back: the session and, once signed in, the sign-in that outlives its instance.
        String cookies = response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("EMS_SIGNIN="))
                .collect(java.util.stream.Collectors.joining("; "));
        if (!cookies.startsWith("JSESSIONID=") && !cookies.contains("; JSESSIONID=")) {
            throw new java.util.NoSuchElementException(
                    "no session cookie in " + response.headers().map());
        }
        return cookies;
    }

    /** Sends each reading as its own message to {@code ems.readings}, as a meter does (account {@code meter}). */
    /** Sends one message to {@code ems.readings} as a meter does, whatever it holds. */
    void sendAsMeter(String body) throws IOException {
        try (JMSContext meter = new ActiveMQConnectionFactory(
                        "tcp://127.0.0.1:" + brokerPort, "meter", secret("broker.meter.password"))
                .createContext()) {
            meter.createProducer().send(meter.createQueue(Destinations.READINGS), body);
        }
    }

    void sendReadings(MeterReading... readings) throws IOException {
        try (JMSContext meter = new ActiveMQConnectionFactory(
                        "tcp://127.0.0.1:" + brokerPort, "meter", secret("broker.meter.password"))
                .createContext()) {
            for (MeterReading reading : readings) {
                meter.createProducer()
                        .send(meter.createQueue(Destinations.READINGS), MeterReadingCodec.encode(reading));
            }
        }
    }

    static MeterReading reading(UUID device, String instant, String kwh) {
        return new MeterReading(device, Instant.parse(instant), new BigDecimal(kwh));
    }

    String secret(String name) throws IOException {
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(home.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty(name);
    }

    Process process() {
        return process;
    }

    /** SIGKILL to the launcher alone, as a power cut of its JVM (its children are left as they are). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(5_000);
    }

    /** SIGTERM, as a service manager or Ctrl-C would; waits for a clean exit. */
    int stop() throws InterruptedException {
        process.toHandle().destroy(); // Process.destroy() would also close the output we still read

        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("EMS did not stop within 90 s after SIGTERM");
        }
        reader.join(5_000); // the last lines
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
        if (ownHome) {
            // A home holds PostgreSQL's binaries and data and the broker's journal (~260 MB): test runs filled the
            // disk, and above 90% use the broker blocks producers. The logs stay, for a failure's story.
            try (Stream<Path> entries = Files.list(home)) {
                for (Path entry : entries.filter(
                                e -> !e.getFileName().toString().equals("logs"))
                        .toList()) {
                    deleteTree(entry);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
