package org.ems.monitoring.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.ems.monitoring.domain.ReadingWindow;
import org.ems.monitoring.domain.RegisterReading;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readings applied while another instance's upkeep makes the month they belong to, on a real PostgreSQL: the month's
 * rows move out of the default partition into a partition attached in the same transaction, and a query planned before
 * that commit would see neither (found by ClusterIT: a late reading merged with no neighbours booked no energy).
 */
class MonthInTheMakingTest {

    private static final UUID DEVICE = UUID.fromString("6f1c2f8e-0000-4000-8000-000000000002");

    private EmbeddedPostgres postgres;

    @BeforeEach
    void database() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .schemas("monitoring")
                .defaultSchema("monitoring")
                .createSchemas(true)
                .locations("classpath:db/migration/monitoring")
                .load()
                .migrate();
    }

    @AfterEach
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aDeviceLockedWhileItsMonthIsMadeSeesEveryReadingOfThatMonth() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into monitoring.meter_reading (device_id, reading_time, kwh) values ('" + DEVICE
                    + "', '2018-07-01T08:58:00Z', 1), ('" + DEVICE + "', '2018-07-01T09:00:00Z', 3)");
        }
        try (Connection upkeep = postgres.getPostgresDatabase().getConnection();
                Statement s = upkeep.createStatement()) {
            upkeep.setAutoCommit(false);
            s.execute("select monitoring.reading_month('2018-07-01T00:00:00Z')"); // moved and attached, not committed
            CompletableFuture<List<RegisterReading>> known = CompletableFuture.supplyAsync(this::aroundAReadingOf0859);
            Awaitility.await("the reading's transaction waiting for the upkeep")
                    .atMost(Duration.ofSeconds(20))
                    .until(this::waiting);
            upkeep.commit();
            assertThat(known.get(20, TimeUnit.SECONDS))
                    .as("the neighbours of a reading at 08:59")
                    .extracting(RegisterReading::at)
                    .containsExactly(Instant.parse("2018-07-01T08:58:00Z"), Instant.parse("2018-07-01T09:00:00Z"));
        }
    }

    @Test
    void makingAMonthWaitsForTheReadingsBeingApplied() throws Exception {
        Instant late = Instant.parse("2018-07-01T08:59:00Z");
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            JdbcReadingRepository readings = new JdbcReadingRepository();
            readings.db = oneTransaction(c);
            readings.lock(List.of(DEVICE));
            assertThat(readings.around(Map.of(DEVICE, ReadingWindow.of(late))).get(DEVICE))
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
                    .until(this::waiting);
            // into the default partition, which the upkeep would have locked had it not waited: a deadlock
            readings.insert(Map.of(DEVICE, List.of(new RegisterReading(late, java.math.BigDecimal.valueOf(2)))));
            c.commit();
            assertThat(made.get(20, TimeUnit.SECONDS)).isTrue();
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from monitoring.meter_reading_2018_07")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the reading moved into its month").isEqualTo(1);
        }
    }

    /** What ReadingIngestion does first, in a transaction of its own: lock the device, read around its reading. */
    private List<RegisterReading> aroundAReadingOf0859() {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            JdbcReadingRepository readings = new JdbcReadingRepository();
            readings.db = oneTransaction(c);
            readings.lock(List.of(DEVICE));
            List<RegisterReading> known = readings.around(
                            Map.of(DEVICE, ReadingWindow.of(Instant.parse("2018-07-01T08:59:00Z"))))
                    .get(DEVICE);
            c.commit();
            return known;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean waiting() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_locks where not granted")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** The data source of a container's transaction: every statement on the same connection, which stays open. */
    private static DataSource oneTransaction(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? unclosable : null);
    }
}
