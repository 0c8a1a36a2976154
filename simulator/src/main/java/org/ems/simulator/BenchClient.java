package org.ems.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmarks ask of a running EMS over HTTP: sign-ins, users and devices, counters of {@code /metrics}. */
final class BenchClient {

    /** HTTP/1.1: an h2c upgrade that meets a Payara Micro still deploying can leave a request unanswered. */
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final URI ems;
    private final int instances;

    BenchClient(URI ems) {
        this(ems, 1);
    }

    /** EMS with {@code instances} instances on consecutive ports from {@code ems}'s ({@code ./ems run --instances}). */
    BenchClient(URI ems, int instances) {
        this.ems = ems;
        this.instances = instances;
    }

    /** A JWT for the API. */
    String login(String username, String password) throws IOException, InterruptedException {
        return json(send(HttpRequest.newBuilder(ems.resolve("api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))))
                .getString("token");
    }

    /** Signs in through the pages' form; returns the session's cookies ({@code JSESSIONID=...}). */
    String signInToPages(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = send(HttpRequest.newBuilder(ems.resolve("login.xhtml")));
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new IOException("no sign-in form at " + ems.resolve("login.xhtml"));
        }
        String cookie = sessionCookies(form).orElseThrow(() -> new IOException("no session cookie"));
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(ems.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(password) + "&csrf=" + encode(token.group(1)))));
        // the session id changes at sign-in (no fixation)
        return sessionCookies(signedIn).orElse(cookie);
    }

    /** The cookies a response sets that a browser sends back: the session's id and, signed in, the sign-in's. */
    private static java.util.Optional<String> sessionCookies(HttpResponse<String> response) {
        String cookies = response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("EMS_SIGNIN="))
                .collect(java.util.stream.Collectors.joining("; "));
        return cookies.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(cookies);
    }

    /** Creates a user or device as {@code token}'s administrator: 201 or an error. */
    JsonObject post(String token, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ems.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new IOException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    UUID device(String token, String name, String limit, UUID owner, String zone)
            throws IOException, InterruptedException {
        return UUID.fromString(post(
                        token,
                        "api/devices",
                        "{\"name\":\"" + name + "\",\"maxHourlyKwh\":" + limit
                                + (owner == null ? "" : ",\"ownerId\":\"" + owner + "\"") + ",\"timeZone\":\"" + zone
                                + "\"}")
                .getString("id"));
    }

    /** A counter or gauge of {@code /metrics} (0 before a counter's first increment), summed over the instances. */
    long counter(String name) throws IOException, InterruptedException {
        long sum = 0;
        for (int i = 0; i < instances; i++) {
            URI instance = URI.create(ems.getScheme() + "://" + ems.getHost() + ":" + (ems.getPort() + i) + "/");
            String metrics = send(HttpRequest.newBuilder(instance.resolve("metrics"))
                            .header("Accept", "text/plain"))
                    .body();
            Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (-?[0-9.Ee+]+)")
                    .matcher(metrics);
            sum += m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
        }
        return sum;
    }

    /**
     * Sends the request; a GET once more if the connection broke (a kept-alive connection that Payara closed as it was
     * reused, seen right after a restart of a part under load: "EOF reached while reading").
     */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException broken) {
            if (!"GET".equals(built.method())) {
                throw broken;
            }
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
