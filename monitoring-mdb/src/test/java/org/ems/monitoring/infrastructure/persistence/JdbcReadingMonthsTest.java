package org.ems.monitoring.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.ems.monitoring.domain.ReadingWindow;
import org.ems.monitoring.domain.RegisterReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Raw readings by month on a real PostgreSQL: the migration that partitions a table that already holds readings, the
 * months made ahead, readings of a month not made yet, removal by whole months, and readings applied while another
 * instance's upkeep makes their month: its rows move out of the default partition into a partition attached in the
 * same transaction, and a query planned before that commit would see neither (found by ClusterIT: a late reading
 * merged with no neighbours booked no energy).
 */
class JdbcReadingMonthsTest {

    private static final String DEVICE = "6f1c2f8e-0000-4000-8000-000000000001";
    private static final UUID DEVICE_ID = UUID.fromString(DEVICE);

    private EmbeddedPostgres postgres;
    private JdbcReadingMonths months;

    @BeforeEach
    void database() throws Exception {
        postgres = TestDatabases.started();
        months = new JdbcReadingMonths();
        months.db = postgres.getPostgresDatabase();
    }

    @AfterEach
    void stop() throws Exception {
        postgres.close();
    }

    private void migrate(String target) {
        TestDatabases.migrate(postgres.getPostgresDatabase(), target);
    }

    @Test
    void theMigrationPutsEveryStoredReadingIntoItsMonth() throws Exception {
        migrate("5");
        execute("insert into monitoring.meter_reading (device_id, reading_time, kwh) values"
                + " ('" + DEVICE + "', '2025-01-31T23:50:00Z', 1.5),"
                + " ('" + DEVICE + "', '2025-02-01T00:00:00Z', 1.6),"
                + " ('" + DEVICE + "', '2026-03-15T12:00:00+02:00', 2)");
        migrate("latest");

        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThat(partitions())
                .contains("meter_reading_2025_01", "meter_reading_2025_02", "meter_reading_2026_03")
                .contains(name(now), name(now.plusMonths(1)), name(now.plusMonths(2)));
        assertThat(count("meter_reading_2025_01")).isEqualTo(1);
        assertThat(count("meter_reading_2025_02")).isEqualTo(1);
        assertThat(count("meter_reading_2026_03")).isEqualTo(1);
        assertThat(count("meter_reading")).isEqualTo(3);
        assertThat(count("meter_reading_default")).isZero();
        // still one reading per device and time
        assertThat(execute("insert into monitoring.meter_reading (device_id, reading_time, kwh) values ('" + DEVICE
                        + "', '2025-02-01T00:00:00Z', 9) on conflict do nothing"))
                .isZero();
    }

    @Test
    void aReadingOfAMonthNotMadeYetWaitsInTheDefaultAndMovesIntoItsMonth() throws Exception {
        migrate("latest");
        execute("insert into monitoring.meter_reading (device_id, reading_time, kwh) values" + " ('" + DEVICE
                + "', '2019-06-30T23:59:59Z', 1), ('" + DEVICE + "', '2019-07-01T00:00:00Z', 2)");
        assertThat(count("meter_reading_default")).isEqualTo(2);

        // the months ahead, and the months of the readings waiting
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThat(months.prepare(now, now.plusMonths(3))).isEqualTo(3);
        assertThat(partitions()).contains(name(now.plusMonths(3)));
        assertThat(count("meter_reading_2019_06")).isEqualTo(1);
        assertThat(count("meter_reading_2019_07")).isEqualTo(1);
        assertThat(count("meter_reading_default")).isZero();
        assertThat(months.prepare(now, now.plusMonths(3))).isZero(); // made once
    }

    @Test
    void removalDropsTheMonthsThatEndedBeforeTheCutoffAndKeepsTheMonthItFallsIn() throws Exception {
        migrate("latest");
        months.prepare(YearMonth.of(2024, 1), YearMonth.of(2024, 3));
        execute("insert into monitoring.meter_reading (device_id, reading_time, kwh) values"
                + " ('" + DEVICE + "', '2023-05-01T00:00:00Z', 1)," // a stray in the default partition
                + " ('" + DEVICE + "', '2024-01-10T00:00:00Z', 1), ('" + DEVICE + "', '2024-01-31T23:59:00Z', 1),"
                + " ('" + DEVICE + "', '2024-02-01T00:00:00Z', 1), ('" + DEVICE + "', '2024-02-20T00:00:00Z', 1),"
                + " ('" + DEVICE + "', '2024-03-05T00:00:00Z', 1)");

        // the cutoff in February: January goes whole, February stays whole
        assertThat(months.removeBefore(Instant.parse("2024-02-10T00:00:00Z"))).isEqualTo(1);
        assertThat(partitions()).doesNotContain("meter_reading_2024_01").contains("meter_reading_2024_02");
        assertThat(count("meter_reading")).isEqualTo(3);
        assertThat(count("meter_reading_default")).isZero();
        // a cutoff at a month's end removes that month too
        assertThat(months.removeBefore(Instant.parse("2024-03-01T00:00:00Z"))).isEqualTo(1);
        assertThat(count("meter_reading")).isEqualTo(1);
        assertThat(months.removeBefore(Instant.parse("2024-03-01T00:00:00Z"))).isZero();
    }

    @Test
    void workOnTheMonthsWaitsForTheirLockBeforeItReadsAnything() throws Exception {
        migrate("latest");
        execute("insert into monitoring.meter_reading (device_id, reading_time, kwh) values ('" + DEVICE
                + "', '2018-01-05T00:00:00Z', 1)"); // waiting in the default partition
        // another instance's upkeep, in the middle of making a month
        try (Connection other = postgres.getPostgresDatabase().getConnection();
                Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("set lock_timeout = '20s'");
            s.execute("select monitoring.lock_reading_months()");
            var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        Statement w = c.createStatement();
                        ResultSet rs = w.executeQuery("select monitoring.reading_months_waiting()")) {
                    rs.next();
                    return rs.getInt(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            org.awaitility.Awaitility.await("this one waiting for the months' lock")
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() ->
                            count("pg_locks l where l.locktype = 'advisory' and not l.granted", "pg_catalog") == 1);
            // the other one attaches its month, which locks the default partition: this one must hold no lock on it
            // (had it read the default partition first, the two would wait for each other: a deadlock)
            s.execute("select monitoring.reading_month('2018-02-01T00:00:00Z')");
            other.commit();
            assertThat(waiting.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(partitions()).contains("meter_reading_2018_01", "meter_reading_2018_02");
    }

    @Test
    void aDeviceLockedWhileItsMonthIsMadeSeesEveryReadingOfThatMonth() throws Exception {
        migrate("latest");
        execute("insert into monitoring.meter_reading (device_id, reading_time, kwh) values ('" + DEVICE
                + "', '2018-07-01T08:58:00Z', 1), ('" + DEVICE + "', '2018-07-01T09:00:00Z', 3)");
        try (Connection upkeep = postgres.getPostgresDatabase().getConnection();
                Statement s = upkeep.createStatement()) {
            upkeep.setAutoCommit(false);
            s.execute("select monitoring.reading_month('2018-07-01T00:00:00Z')"); // moved and attached, not committed
            CompletableFuture<List<RegisterReading>> known = CompletableFuture.supplyAsync(this::aroundAReadingOf0859);
            Awaitility.await("the reading's transaction waiting for the upkeep")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> count("pg_locks where not granted", "pg_catalog") > 0);
            upkeep.commit();
            assertThat(known.get(20, TimeUnit.SECONDS))
                    .as("the neighbours of a reading at 08:59")
                    .extracting(RegisterReading::at)
                    .containsExactly(Instant.parse("2018-07-01T08:58:00Z"), Instant.parse("2018-07-01T09:00:00Z"));
        }
    }

    @Test
    void makingAMonthWaitsForTheReadingsBeingApplied() throws Exception {
        migrate("latest");
        Instant late = Instant.parse("2018-07-01T08:59:00Z");
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            JdbcReadingRepository readings = deviceLocked(c);
            assertThat(readings.around(Map.of(DEVICE_ID, ReadingWindow.of(late)))
                            .get(DEVICE_ID))
                    .isEmpty();
            CompletableFuture<Boolean> made = CompletableFuture.supplyAsync(() -> {
                try (Connection upkeep = postgres.getPostgresDatabase().getConnection();
                        Statement s = upkeep.createStatement();
                        ResultSet rs = s.executeQuery("select monitoring.reading_month('2018-07-01T00:00:00Z')")) {
                    rs.next();
                    return rs.getBoolean(1);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Awaitility.await("the upkeep waiting for the reading's transaction")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> count("pg_locks where not granted", "pg_catalog") > 0);
            // into the default partition, which the upkeep would have locked had it not waited: a deadlock
            readings.insert(Map.of(DEVICE_ID, List.of(new RegisterReading(late, java.math.BigDecimal.valueOf(2)))));
            c.commit();
            assertThat(made.get(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(count("meter_reading_2018_07"))
                .as("the reading moved into its month")
                .isEqualTo(1);
    }

    /** What ReadingIngestion does first, in a transaction of its own: lock the device, read around its reading. */
    private List<RegisterReading> aroundAReadingOf0859() {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            List<RegisterReading> known = deviceLocked(c)
                    .around(Map.of(DEVICE_ID, ReadingWindow.of(Instant.parse("2018-07-01T08:59:00Z"))))
                    .get(DEVICE_ID);
            c.commit();
            return known;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The readings' repository in a transaction on {@code c} that holds the device's lock, as ReadingIngestion's. */
    private static JdbcReadingRepository deviceLocked(Connection c) throws java.sql.SQLException {
        c.setAutoCommit(false);
        JdbcReadingRepository readings = new JdbcReadingRepository();
        readings.db = TestDatabases.oneTransaction(c);
        readings.lock(List.of(DEVICE_ID));
        return readings;
    }

    private static String name(YearMonth month) {
        return String.format("meter_reading_%d_%02d", month.getYear(), month.getMonthValue());
    }

    private List<String> partitions() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select c.relname from pg_inherits i join pg_class c on c.oid ="
                        + " i.inhrelid where i.inhparent = 'monitoring.meter_reading'::regclass")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long count(String table) throws SQLException {
        return count(table, "monitoring");
    }

    private long count(String from, String schema) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + schema + "." + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int execute(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            // a session far from UTC: months are UTC's whatever the session's zone
            s.execute("set time zone 'Pacific/Kiritimati'");
            return s.executeUpdate(sql);
        }
    }
}
