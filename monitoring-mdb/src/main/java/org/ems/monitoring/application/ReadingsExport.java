package org.ems.monitoring.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.monitoring.domain.Interval;
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

    /** Rows fetched from the cursor at a time. */
    private static final int FETCH = 1_000;

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    /** The time of the device's first and last stored reading; empty when it has none. */
    public Optional<ConsumptionService.Span> span(UUID device) {
        return new Sql(db)
                .first(
                        "cannot read the readings of device " + device,
                        "select min(reading_time), max(reading_time) from monitoring.meter_reading where device_id = ?"
                                + " having count(*) > 0",
                        rs -> new ConsumptionService.Span(
                                rs.getTimestamp(1).toInstant(),
                                rs.getTimestamp(2).toInstant()),
                        device);
    }

    /** Writes the readings from {@code from} (inclusive) to {@code to} (exclusive), header first; how many. */
    public long write(UUID device, Instant from, Instant to, Writer out) throws IOException {
        out.write(HEADER + "\n");
        Sql sql = new Sql(db);
        // The reading before the range: the first one's flags depend on it.
        RegisterReading[] previous = {
            sql.first(
                            "cannot read the readings of device " + device,
                            "select reading_time, kwh from monitoring.meter_reading where device_id = ?"
                                    + " and reading_time < ? order by reading_time desc limit 1",
                            rs -> new RegisterReading(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)),
                            device,
                            from)
                    .orElse(null)
        };
        long[] written = {0};
        try {
            sql.forEach(
                    "cannot export the readings of device " + device,
                    "select reading_time, kwh, received_at from monitoring.meter_reading"
                            + " where device_id = ? and reading_time >= ? and reading_time < ? order by reading_time",
                    FETCH,
                    rs -> {
                        RegisterReading reading =
                                new RegisterReading(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2));
                        row(out, reading, rs.getTimestamp(3).toInstant(), previous[0]);
                        previous[0] = reading;
                        written[0]++;
                        return null;
                    },
                    device,
                    from,
                    to);
        } catch (UncheckedIOException clientGone) {
            throw clientGone.getCause();
        }
        return written[0];
    }

    private static void row(Writer out, RegisterReading reading, Instant receivedAt, RegisterReading previous) {
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
            out.write(reading.at() + "," + reading.kwh().toPlainString() + "," + receivedAt + ","
                    + String.join("|", flags) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
