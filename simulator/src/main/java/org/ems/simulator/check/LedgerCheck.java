package org.ems.simulator.check;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ems.simulator.client.EmsClient;

/**
 * {@code ./ems simulate --check LEDGER}: the ledger a simulation wrote (every reading EMS acknowledged, one line
 * {@code deviceId,timestamp,kwh} each) against what the EMS under test computed, read through its API as an
 * administrator: each device's zone, limit and name, its hours and its standing alerts ({@link Books}).
 */
public final class LedgerCheck {

    private LedgerCheck() {}

    /** Prints the table; 0 when EMS matches the ledger, 1 on any difference. */
    public static int run(Path ledger, URI ems, String adminUser, String adminPassword, PrintStream out)
            throws IOException, InterruptedException {
        Map<UUID, NavigableMap<Instant, BigDecimal>> sent = read(ledger);
        EmsClient client = new EmsClient(ems);
        String token = client.login(adminUser, adminPassword);
        Map<UUID, Books.Device> devices = new LinkedHashMap<>();
        for (UUID id : sent.keySet()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(ems.resolve("api/devices/" + id))
                    .header("Authorization", "Bearer " + token));
            if (answer.statusCode() == 200) {
                JsonObject device = EmsClient.json(answer);
                devices.put(
                        id,
                        new Books.Device(
                                device.getString("name"),
                                ZoneId.of(device.getString("timeZone")),
                                device.getJsonNumber("maxHourlyKwh").bigDecimalValue()));
            } else if (answer.statusCode() != 404) {
                throw new IOException("GET api/devices/" + id + ": " + answer.statusCode() + " " + answer.body());
            }
        }
        out.printf("ledger %s against %s%n", ledger, ems);
        Books.Result result = Books.check(client, token, devices, sent, Set.of(), null);
        result.print(out);
        return result.ok() ? 0 : 1;
    }

    /** The ledger's readings by device and time (a reading sent twice is the same reading). */
    static Map<UUID, NavigableMap<Instant, BigDecimal>> read(Path ledger) throws IOException {
        Map<UUID, NavigableMap<Instant, BigDecimal>> sent = new TreeMap<>();
        List<String> lines = Files.readAllLines(ledger);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            try {
                sent.computeIfAbsent(UUID.fromString(cells[0]), d -> new TreeMap<>())
                        .put(Instant.parse(cells[1]), new BigDecimal(cells[2]));
            } catch (RuntimeException e) {
                throw new IOException(ledger + " line " + (i + 1) + " is not deviceId,timestamp,kwh: " + line, e);
            }
        }
        return sent;
    }
}
