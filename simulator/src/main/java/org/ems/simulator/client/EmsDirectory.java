package org.ems.simulator.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The devices an EMS user may see, fetched over its REST API after signing in. */
public final class EmsDirectory {

    /** A device to simulate. */
    public record Device(UUID id, String name) {
        @Override
        public String toString() {
            return name + "  (" + id + ")";
        }
    }

    private EmsDirectory() {}

    public static List<Device> devices(URI ems, String username, String password)
            throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String credentials = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(ems.resolve("api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(credentials))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IOException("EMS refused the sign-in: " + detail(login));
        }
        String token = read(login.body()).asJsonObject().getString("token");
        HttpResponse<String> list = http.send(
                HttpRequest.newBuilder(ems.resolve("api/devices"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (list.statusCode() != 200) {
            throw new IOException("EMS did not list the devices: " + detail(list));
        }
        return read(list.body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .map(d -> new Device(UUID.fromString(d.getString("id")), d.getString("name")))
                .toList();
    }

    private static String detail(HttpResponse<String> response) {
        try {
            JsonObject problem = read(response.body()).asJsonObject();
            return response.statusCode() + " " + problem.getString("detail", "");
        } catch (RuntimeException notJson) {
            return "HTTP " + response.statusCode();
        }
    }

    private static JsonValue read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
