package org.ems.simulator.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** Every device the user sees, page by page. */
    public static List<Device> devices(URI ems, String username, String password)
            throws IOException, InterruptedException {
        EmsClient client = new EmsClient(ems);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(ems.resolve("api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .build()
                        .toString())));
        if (login.statusCode() != 200) {
            throw new IOException("EMS refused the sign-in: " + detail(login));
        }
        String token = read(login.body()).asJsonObject().getString("token");
        return client.list(token, "api/devices?size=500").stream()
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
