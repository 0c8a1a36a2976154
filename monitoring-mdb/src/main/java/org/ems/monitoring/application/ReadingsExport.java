package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.monitoring.domain.Interval;
import org.ems.monitoring.domain.ReadingArchive;
import org.ems.monitoring.domain.RegisterReading;

/**
 * A device's raw readings as CSV for analysts ({@value #HEADER}): each register value as stored, when it arrived, and
 * the flags of the interval it closes ({@code reset}: the register went down; {@code estimated}: over an hour since
 * the one before), by the hourly engine's own rule ({@link Interval}). Streamed from a database cursor, never the whole
 * range in memory; it holds no transaction open, however long the export takes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadingsExport {

    public static final String HEADER = "time,kwh,receivedAt,flags";

    @Inject
    ReadingArchive archive;

    /** The time of the device's first and last stored reading; empty when it has none. */
    public Optional<ReadingArchive.Span> span(UUID device) {
        return archive.span(device);
    }

    /** Writes the readings from {@code from} (inclusive) to {@code to} (exclusive), header first; how many. */
    public long write(UUID device, Instant from, Instant to, Writer out) throws IOException {
        out.write(HEADER + "\n");
        // The reading before the range: the first one's flags depend on it.
        RegisterReading[] previous = {archive.before(device, from).orElse(null)};
        long[] written = {0};
        try {
            archive.each(device, from, to, stored -> {
                row(out, stored, previous[0]);
                previous[0] = stored.reading();
                written[0]++;
            });
        } catch (UncheckedIOException clientGone) {
            throw clientGone.getCause();
        }
        return written[0];
    }

    private static void row(Writer out, ReadingArchive.Stored stored, RegisterReading previous) {
        RegisterReading reading = stored.reading();
        List<String> flags = new ArrayList<>();
        if (previous != null) {
            Interval interval = new Interval(previous, reading);
            if (interval.estimated()) {
                flags.add("estimated");
            }
            if (interval.reset()) {
                flags.add("reset");
            }
        }
        try {
            out.write(reading.at() + "," + reading.kwh().toPlainString() + "," + stored.receivedAt() + ","
                    + String.join("|", flags) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
