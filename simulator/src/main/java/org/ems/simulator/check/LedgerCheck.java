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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.meter.Outgoing;
import org.ems.simulator.meter.Replay;

/**
 * {@code ./ems simulate --check LEDGER}: the ledger a simulation wrote (every reading EMS acknowledged, one line
 * {@code deviceId,timestamp,kwh} each; a poison message {@code deviceId,timestamp,dead-letter}, or {@code refused}
 * when EMS refused it at once) against what the EMS under test computed, read through its API as an administrator:
 * each device's zone, limit and name, its hours, its standing alerts, and the dead letters that name the ledger's
 * devices ({@link Books}).
 */
public final class LedgerCheck {

    private LedgerCheck() {}

    /** Prints the table; 0 when EMS matches the ledger, 1 on any difference. */
    public static int run(Path ledger, URI ems, String adminUser, String adminPassword, PrintStream out)
            throws IOException, InterruptedException {
        Ledger sent = read(ledger);
        EmsClient client = new EmsClient(ems);
        String token = client.login(adminUser, adminPassword);
        Map<UUID, Books.Device> devices = new LinkedHashMap<>();
        for (UUID id : sent.readings().keySet()) {
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
        if (sent.refused() > 0) {
            out.printf("poison messages refused at once (HTTP 400): %d%n", sent.refused());
        }
        Books.Result result = Books.check(
                client,
                token,
                devices,
                sent.readings(),
                sent.deadLetters(),
                deadLetters(client, token, sent.readings().keySet()));
        result.print(out);
        return result.ok() ? 0 : 1;
    }

    /**
     * What a ledger says EMS acknowledged.
     *
     * @param readings the readings by device and time (a reading sent twice is the same reading)
     * @param deadLetters the bodies of the poison messages EMS must have dead-lettered
     * @param refused the poison messages EMS refused at once
     */
    record Ledger(Map<UUID, NavigableMap<Instant, BigDecimal>> readings, Set<String> deadLetters, int refused) {}

    static Ledger read(Path ledger) throws IOException {
        Map<UUID, NavigableMap<Instant, BigDecimal>> sent = new TreeMap<>();
        Set<String> deadLetters = new HashSet<>();
        int refused = 0;
        List<String> lines = Files.readAllLines(ledger);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            try {
                UUID device = UUID.fromString(cells[0]);
                Instant at = Instant.parse(cells[1]);
                switch (cells[2]) {
                    case Replay.LEDGER_DEAD_LETTER -> deadLetters.add(Outgoing.poisonBody(device, at));
                    case Replay.LEDGER_REFUSED -> refused++;
                    default ->
                        sent.computeIfAbsent(device, d -> new TreeMap<>()).put(at, new BigDecimal(cells[2]));
                }
            } catch (RuntimeException e) {
                throw new IOException(ledger + " line " + (i + 1) + " is not deviceId,timestamp,kwh: " + line, e);
            }
        }
        return new Ledger(sent, deadLetters, refused);
    }

    private static final Pattern DEVICE_ID = Pattern.compile("\"deviceId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** Dead letters asked for a page at a time ({@code GET /api/dead-letters}, at most 500 each). */
    private static final int PAGE = 500;

    /**
     * The bodies of the dead letters that name one of {@code devices}, read through EMS's API; null when this EMS
     * has no such API (then not compared).
     */
    static List<String> deadLetters(EmsClient client, String token, Set<UUID> devices)
            throws IOException, InterruptedException {
        List<String> bodies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String since = null;
        while (true) {
            String path = "api/dead-letters?size=" + PAGE + (since == null ? "" : "&since=" + since);
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(client.ems.resolve(path)).header("Authorization", "Bearer " + token));
            if (answer.statusCode() == 404) {
                return null;
            }
            if (answer.statusCode() != 200) {
                throw new IOException("GET " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            var page = EmsClient.json(answer).getJsonArray("deadLetters");
            boolean fresh = false;
            for (JsonObject letter : page.getValuesAs(JsonObject.class)) {
                since = letter.getString("at");
                if (!seen.add(letter.getString("id"))) {
                    continue; // of the millisecond the page started at: already read
                }
                fresh = true;
                String body = letter.isNull("body") ? "" : letter.getString("body");
                Matcher named = DEVICE_ID.matcher(body);
                while (named.find()) {
                    if (devices.contains(UUID.fromString(named.group(1)))) {
                        bodies.add(body);
                        break;
                    }
                }
            }
            if (page.size() < PAGE || !fresh) {
                return bodies;
            }
        }
    }
}
