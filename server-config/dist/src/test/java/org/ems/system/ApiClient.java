package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ems.simulator.client.TextMessages;

/** The EMS API and sockets as a client sees them, for the system tests. */
final class ApiClient {

    final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ApiClient(RunningEms ems) {
        this(ems.httpPort);
    }

    /** The instance on {@code port} (several instances of one EMS: ClusterIT). */
    ApiClient(int port) {
        this.port = port;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return call(method, path, token, body, "application/json");
    }

    /** A call whose body is of {@code contentType} ({@code text/csv} for the imports). */
    HttpResponse<String> call(String method, String path, String token, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> loginResponse(String username, String password) throws Exception {
        return loginResponse(username, password, null);
    }

    /** A sign-in from the client address {@code forwardedFor} (an EMS that trusts 127.0.0.1 as its proxy). */
    HttpResponse<String> loginResponse(String username, String password, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A successful sign-in's answer ({@code token}, {@code expiresAt}). */
    JsonObject login(String username, String password) throws Exception {
        HttpResponse<String> response = loginResponse(username, password);
        assertThat(response.statusCode()).as("login " + username).isEqualTo(200);
        return json(response);
    }

    /** Opens a WebSocket on {@code path} with a token (subprotocol) or a session cookie; texts go to {@code received}. */
    /** What {@link #socket} adds to its queue when the server closes the socket, followed by the close code. */
    static final String CLOSED = "closed by the server: ";

    /** Opens a socket that adds each text it receives to {@code received}, and {@link #CLOSED} when it is closed. */
    WebSocket socket(String path, String token, String cookie, LinkedBlockingQueue<String> received) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (token != null) {
            builder.subprotocols("access_token", token);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie).header("Origin", "http://127.0.0.1:" + port);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), new TextMessages(received::add) {
                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        received.add(CLOSED + statusCode);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    /** The handshake's HTTP status on {@code path}: 101 when the socket opened. */
    int handshake(String path, String token, String origin) throws Exception {
        var builder = http.newWebSocketBuilder();
        if (token != null) {
            builder.subprotocols("access_token", token);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            var socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            assertThat(socket.getSubprotocol()).isEqualTo(token == null ? "" : "access_token");
            socket.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** How many readings the device's local day holds, as its hours count them. */
    int readings(String token, java.util.UUID device, String date) throws Exception {
        return json(call("GET", "api/devices/" + device + "/consumption?date=" + date, token, null))
                .getJsonArray("hours")
                .getValuesAs(JsonObject.class)
                .stream()
                .mapToInt(h -> h.getInt("readings"))
                .sum();
    }

    static String quote(String text) {
        return Json.createValue(text).toString();
    }

    static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonArray jsonArray(HttpResponse<String> response) {
        return jsonArray(response.body());
    }

    static JsonArray jsonArray(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    /** The alerts page (every role's, with the layout) as this page session gets it (no redirect followed). */
    HttpResponse<String> alertsPage(String cookie) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url("portal/alerts.xhtml"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The Faces push channel {@code name} that the page at {@code path} renders for this page session. */
    String pushChannel(String cookie, String path, String name) throws Exception {
        String page = http.send(
                        HttpRequest.newBuilder(url(path))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher channel = Pattern.compile("(/jakarta\\.faces\\.push/" + name + "\\?[^\"']+)")
                .matcher(page);
        if (!channel.find()) {
            throw new AssertionError("no " + name + " channel in " + path + ": " + page);
        }
        return channel.group(1);
    }

    /** A new client {@code username} (password: the username and "-password") made by {@code admin}; their token. */
    String newClient(String admin, String username) throws Exception {
        HttpResponse<String> created = call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"" + username + "\",\"password\":\"" + username + "-password\",\"name\":\"" + username
                        + "\",\"role\":\"CLIENT\"}");
        if (created.statusCode() != 201) {
            throw new AssertionError("user " + username + " not created: " + created.body());
        }
        return login(username, username + "-password").getString("token");
    }
}
