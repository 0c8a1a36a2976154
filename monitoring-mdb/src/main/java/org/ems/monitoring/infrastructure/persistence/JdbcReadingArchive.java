package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.monitoring.domain.ReadingArchive;
import org.ems.monitoring.domain.RegisterReading;

/** {@code monitoring.meter_reading} read for exports: a cursor of 1,000 rows at a time. */
@ApplicationScoped
public class JdbcReadingArchive implements ReadingArchive {

    private static final int FETCH = 1_000;

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public Optional<Span> span(UUID device) {
        return sql().first(
                        "cannot read the readings of device " + device,
                        "select min(reading_time), max(reading_time) from monitoring.meter_reading where device_id = ?"
                                + " having count(*) > 0",
                        rs -> new Span(
                                rs.getTimestamp(1).toInstant(),
                                rs.getTimestamp(2).toInstant()),
                        device);
    }

    @Override
    public Optional<RegisterReading> before(UUID device, Instant at) {
        return sql().first(
                        "cannot read the readings of device " + device,
                        "select reading_time, kwh from monitoring.meter_reading where device_id = ?"
                                + " and reading_time < ? order by reading_time desc limit 1",
                        rs -> new RegisterReading(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)),
                        device,
                        at);
    }

    @Override
    public void each(UUID device, Instant from, Instant to, Consumer<Stored> each) {
        sql().forEach(
                        "cannot export the readings of device " + device,
                        "select reading_time, kwh, received_at from monitoring.meter_reading"
                                + " where device_id = ? and reading_time >= ? and reading_time < ? order by reading_time",
                        FETCH,
                        rs -> {
                            each.accept(new Stored(
                                    new RegisterReading(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)),
                                    rs.getTimestamp(3).toInstant()));
                            return null;
                        },
                        device,
                        from,
                        to);
    }

    private Sql sql() {
        return new Sql(db);
    }
}
