package org.ems.simulator.faults;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * What an administrator does during a fault run: every few seconds one device changes its limit, name, owner or zone
 * (among zones of the same offset, so that the books' clock hours stay UTC hours).
 */
final class DeviceChanges implements Runnable {

    /** Zones at UTC+0 all year. */
    static final List<String> ZONES = List.of("UTC", "Atlantic/Reykjavik", "Africa/Abidjan");

    private final EmsUnderTest ems;
    private final List<UUID> devices;
    private final BooleanSupplier running;
    private final Random random = new Random(11);
    private final List<UUID> owners = new ArrayList<>();

    DeviceChanges(EmsUnderTest ems, List<UUID> devices, BooleanSupplier running) {
        this.ems = ems;
        this.devices = devices;
        this.running = running;
    }

    @Override
    public void run() {
        int changed = 0;
        int failed = 0;
        while (running.getAsBoolean()) {
            try {
                Thread.sleep(3_000);
                if (change(changed)) {
                    changed++;
                } else {
                    failed++;
                }
            } catch (IOException | RuntimeException away) {
                failed++; // EMS is down for a fault: the admin tries again later
            } catch (InterruptedException e) {
                return;
            }
        }
        System.out.printf("  device changes during the run: %d made, %d refused while EMS was down%n", changed, failed);
    }

    private boolean change(int changed) throws IOException, InterruptedException {
        if (owners.isEmpty()) {
            var users = ems.api()
                    .send(HttpRequest.newBuilder(ems.api().ems.resolve("api/users"))
                            .header("Authorization", "Bearer " + ems.token()));
            try (var reader = Json.createReader(new StringReader(users.body()))) {
                reader.readArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(u -> u.getString("role").equals("CLIENT"))
                        .forEach(u -> owners.add(UUID.fromString(u.getString("id"))));
            }
        }
        UUID id = devices.get(random.nextInt(devices.size()));
        String body = String.format(
                "{\"name\":\"meter %s\",\"description\":\"changed %d\",\"address\":\"street %d\","
                        + "\"maxHourlyKwh\":%s,\"ownerId\":\"%s\",\"timeZone\":\"%s\"}",
                id.toString().substring(0, 8),
                changed,
                random.nextInt(100),
                BigDecimal.valueOf(1000 + random.nextInt(2000), 3).toPlainString(),
                owners.get(random.nextInt(owners.size())),
                ZONES.get(random.nextInt(ZONES.size())));
        return ems.api()
                        .send(HttpRequest.newBuilder(ems.api().ems.resolve("api/devices/" + id))
                                .header("Authorization", "Bearer " + ems.token())
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body)))
                        .statusCode()
                == 200;
    }
}
