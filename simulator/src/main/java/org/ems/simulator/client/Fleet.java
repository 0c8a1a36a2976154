package org.ems.simulator.client;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The meters a simulation runs, taken from the EMS under test: every device its administrator sees, or new clients
 * with new devices, each with a meter credential of its own when asked (the passwords, shown once by EMS, kept here
 * for the run only).
 *
 * @param passwords each device's own meter password; empty when the meters send as the gateway
 */
public record Fleet(List<UUID> devices, Map<UUID, String> passwords) {

    /** Every device of the EMS at {@code ems}, sending as the gateway. */
    public static Fleet existing(URI ems, String admin, String password) throws IOException, InterruptedException {
        return new Fleet(
                EmsDirectory.devices(ems, admin, password).stream()
                        .map(EmsDirectory.Device::id)
                        .toList(),
                Map.of());
    }

    /**
     * {@code clients} new clients (named {@code sim-<run>-<n>}, password the name's) with {@code perClient} devices
     * each in {@code zone} with a limit of {@code limit} kWh, and with their own meter credentials when asked.
     */
    public static Fleet created(
            URI ems,
            String admin,
            String password,
            int clients,
            int perClient,
            boolean ownCredentials,
            String zone,
            String limit)
            throws IOException, InterruptedException {
        EmsClient client = new EmsClient(ems);
        String token = client.login(admin, password);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<UUID> devices = new ArrayList<>();
        Map<UUID, String> passwords = new LinkedHashMap<>();
        for (int c = 1; c <= clients; c++) {
            String name = "sim-" + run + "-" + c;
            UUID owner = UUID.fromString(client.post(
                            token,
                            "api/users",
                            "{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\",\"name\":\"" + name
                                    + "\",\"role\":\"CLIENT\",\"timeZone\":\"" + zone + "\"}")
                    .getString("id"));
            for (int d = 1; d <= perClient; d++) {
                UUID device = client.device(token, name + " meter " + d, limit, owner, zone);
                devices.add(device);
                if (ownCredentials) {
                    JsonObject credential = client.post(token, "api/devices/" + device + "/credentials", "");
                    passwords.put(device, credential.getString("password"));
                }
            }
        }
        return new Fleet(List.copyOf(devices), passwords);
    }
}
