package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.monitoring.application.ReadingMonths;

/**
 * The months of {@code monitoring.meter_reading}, a table partitioned by month; the rules are the database functions
 * of migration V6 ({@code reading_month}, {@code reading_months_waiting}, {@code remove_readings_before}), which the
 * migration and a restore use too.
 */
@ApplicationScoped
public class JdbcReadingMonths implements ReadingMonths {

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public int prepare(YearMonth first, YearMonth last) {
        List<String> ahead = Stream.iterate(first, month -> !month.isAfter(last), month -> month.plusMonths(1))
                .map(month ->
                        month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString())
                .toList();
        return new Sql(db)
                .first(
                        "cannot make the months of readings",
                        "select monitoring.reading_months_waiting() + count(*) filter"
                                + " (where monitoring.reading_month(m)) from unnest(?::timestamptz[]) months(m)",
                        rs -> rs.getInt(1),
                        ahead)
                .orElseThrow();
    }

    @Override
    public int removeBefore(Instant cutoff) {
        return new Sql(db)
                .first(
                        "cannot remove old readings",
                        "select monitoring.remove_readings_before(?::timestamptz)",
                        rs -> rs.getInt(1),
                        cutoff.toString())
                .orElseThrow();
    }
}
