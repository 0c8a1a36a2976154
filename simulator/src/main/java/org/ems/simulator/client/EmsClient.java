package org.ems.simulator.client;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the benchmarks ask of a running EMS over HTTP: sign-ins, users and devices, counters of {@code /metrics}. */
public final class EmsClient {

    /** HTTP/1.1: an h2c upgrade that meets a Payara Micro still deploying can leave a request unanswered. */
    public final HttpClient http;

    public final URI ems;
    private final int instances;

    /** One link of an RFC 8288 {@code Link} header: its target and relation. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?");

    public EmsClient(URI ems) {
        this(ems, 1);
    }

    /** EMS with {@code instances} instances on consecutive ports from {@code ems}'s ({@code ./ems run --instances}). */
    public EmsClient(URI ems, int instances) {
        this(
                ems,
                instances,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    /** Through {@code http} (a test's own: its cookie or redirect policy). */
    public EmsClient(URI ems, HttpClient http) {
        this(ems, 1, http);
    }

    private EmsClient(URI ems, int instances, HttpClient http) {
        this.ems = ems;
        this.instances = instances;
        this.http = http;
    }

    /** A JWT for the API. */
    public String login(String username, String password) throws IOException, InterruptedException {
        return json(send(HttpRequest.newBuilder(ems.resolve("api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))))
                .getString("token");
    }

    /** Signs in through the pages' form; returns the session's cookies ({@code JSESSIONID=...}). */
    public String signInToPages(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> signedIn = signInThroughForm(null, username, password);
        // the session id changes at sign-in (no fixation)
        return sessionCookies(signedIn).orElseThrow(() -> new IOException("no session cookie"));
    }

    /**
     * Signs in through the login page as a browser does: fetches the form (its session and token), then posts it, in
     * the session whose {@code Cookie} header is {@code session} (null: the one the form opens).
     *
     * @return the answer to the post: a redirect, with the signed-in session's cookies on success
     */
    public HttpResponse<String> signInThroughForm(String session, String username, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder page = HttpRequest.newBuilder(ems.resolve("login.xhtml"));
        if (session != null) {
            page.header("Cookie", session);
        }
        HttpResponse<String> form = send(page);
        String cookie = session != null
                ? session
                : sessionCookies(form).orElseThrow(() -> new IOException("no session cookie from the sign-in form"));
        return send(HttpRequest.newBuilder(ems.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(password) + "&csrf=" + encode(csrf(form)))));
    }

    /** Signs out as the pages' button does: the sign-out page's form (with the session's token) posted. */
    public HttpResponse<String> signOutThroughForm(String cookie) throws IOException, InterruptedException {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(ems.resolve("logout.xhtml")).header("Cookie", cookie));
        return send(HttpRequest.newBuilder(ems.resolve("logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + encode(csrf(page)))));
    }

    /** The form's token against cross-site requests. */
    private static String csrf(HttpResponse<String> form) throws IOException {
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new IOException("no token in the form of " + form.uri() + ": " + form.body());
        }
        return token.group(1);
    }

    /** The cookies a response sets that a browser sends back: the session's id and, signed in, the sign-in's. */
    public static Optional<String> sessionCookies(HttpResponse<?> response) {
        String cookies = response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("EMS_SIGNIN="))
                .collect(Collectors.joining("; "));
        return cookies.startsWith("JSESSIONID=") || cookies.contains("; JSESSIONID=")
                ? Optional.of(cookies)
                : Optional.empty();
    }

    /** Creates a user or device as {@code token}'s administrator: 201 or an error. */
    public JsonObject post(String token, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ems.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new IOException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    public UUID device(String token, String name, String limit, UUID owner, String zone)
            throws IOException, InterruptedException {
        return UUID.fromString(post(
                        token,
                        "api/devices",
                        "{\"name\":\"" + name + "\",\"maxHourlyKwh\":" + limit
                                + (owner == null ? "" : ",\"ownerId\":\"" + owner + "\"") + ",\"timeZone\":\"" + zone
                                + "\"}")
                .getString("id"));
    }

    /**
     * Every item of a paged list of the API ({@code GET path}), page by page along its RFC 8288
     * {@code Link: <...>; rel="next"} headers until there is none.
     */
    public List<JsonObject> list(String token, String path) throws IOException, InterruptedException {
        List<JsonObject> items = new ArrayList<>();
        Optional<URI> next = Optional.of(ems.resolve(path));
        while (next.isPresent()) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(next.get())
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60)));
            if (page.statusCode() != 200) {
                throw new IOException("GET " + next.get() + ": " + page.statusCode() + " " + page.body());
            }
            try (var reader = Json.createReader(new StringReader(page.body()))) {
                reader.readArray().forEach(item -> items.add(item.asJsonObject()));
            }
            next = link(page, "next");
        }
        return items;
    }

    /** The target of the answer's {@code Link} of relation {@code rel}, in one header or several. */
    public static Optional<URI> link(HttpResponse<?> answer, String rel) {
        Matcher link = LINK.matcher(String.join(",", answer.headers().allValues("Link")));
        while (link.find()) {
            if (link.group(2).equals(rel)) {
                return Optional.of(URI.create(link.group(1)));
            }
        }
        return Optional.empty();
    }

    /** A counter or gauge of {@code /metrics} (0 before a counter's first increment), summed over the instances. */
    public long counter(String name) throws IOException, InterruptedException {
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
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
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

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
