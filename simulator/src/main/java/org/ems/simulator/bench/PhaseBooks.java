package org.ems.simulator.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import org.ems.simulator.check.Books;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.meter.LoadRun;

/**
 * A bench phase's books by the checker of {@code ./ems simulate --check}: every device-hour of the phase's meters
 * exact, none of a reading lost or twice.
 */
final class PhaseBooks {

    /** The bench's meters' limit: never reached, so no alert costs EMS work the bench does not measure. */
    static final BigDecimal LIMIT = new BigDecimal("1000000");

    private PhaseBooks() {}

    /** Prints the summary; an {@link IOException} with the first differences when EMS's books differ. */
    static void check(EmsClient client, String token, LoadRun run) throws IOException, InterruptedException {
        if (run.failures() > 0) {
            System.out.printf("  books not checked: %d sends failed, so what was sent is not known%n", run.failures());
            return;
        }
        Map<UUID, NavigableMap<Instant, BigDecimal>> ledger = run.ledger();
        Map<UUID, Books.Device> devices = new LinkedHashMap<>();
        ledger.keySet()
                .forEach(id -> devices.put(id, new Books.Device("meter " + devices.size(), ZoneOffset.UTC, LIMIT)));
        Books.Result books = Books.check(client, token, devices, ledger, Set.of(), null);
        System.out.printf("  books (the checker): %s%s%n", books.ok() ? "OK: " : "DIFFERENCES: ", books.summary());
        if (!books.ok()) {
            books.mismatches().stream().limit(10).forEach(m -> System.out.println("  DIFFERENCE " + m));
            throw new IOException("EMS's books differ from what the bench sent: "
                    + books.mismatches().size());
        }
    }
}
