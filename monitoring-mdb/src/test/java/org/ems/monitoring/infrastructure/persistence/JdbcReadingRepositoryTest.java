package org.ems.monitoring.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ems.monitoring.domain.ClockHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The readings' repository on a real PostgreSQL with a realistic amount of data: its statements stay on the keys
 * whatever plan PostgreSQL caches for them (the JDBC driver prepares a statement on the server from its fifth use,
 * and the server may then keep a generic plan, made without the values).
 */
class JdbcReadingRepositoryTest {

    private EmbeddedPostgres postgres;

    @BeforeEach
    void database() throws Exception {
        postgres = TestDatabases.started();
        TestDatabases.migrate(postgres.getPostgresDatabase(), "latest");
    }

    @AfterEach
    void stop() throws Exception {
        postgres.close();
    }

    /**
     * Found by {@code ./ems bench ingest}: after its batch phase (100 meters, 69 days) the alert check read the whole
     * quarter_total table for every group of readings (a hash join, 17 ms a call), and alerts came 13 s late.
     */
    @Test
    void hoursAreReadThroughTheKeyAlsoWithAGenericPlan() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            // 100 meters' quarters over 69 days, as the bench's batch phase leaves them
            s.execute("insert into monitoring.quarter_total select md5('meter ' || m)::uuid,"
                    + " '2030-01-01T00:00:00Z'::timestamptz + make_interval(mins => 15 * n), 0.25, 1, 0, 0"
                    + " from generate_series(1, 100) m, generate_series(0, 6671) n");
            s.execute("analyze monitoring.quarter_total");
            c.setAutoCommit(false);
            s.execute("set local plan_cache_mode = force_generic_plan");
            JdbcReadingRepository readings = new JdbcReadingRepository();
            readings.db = TestDatabases.oneTransaction(c);
            Instant start = Instant.parse("2030-01-05T00:00:00Z");
            ClockHours.Hour hour = new ClockHours.Hour(start, start.plus(Duration.ofHours(1)), ZoneOffset.UTC);
            UUID first = meter(s, 1);
            UUID second = meter(s, 2);

            var hours = readings.hours(Map.of(first, List.of(hour), second, List.of(hour)));

            assertThat(hours.get(first).get(hour)).hasSize(4);
            assertThat(hours.get(second).get(hour).firstKey()).isEqualTo(start);
            try (ResultSet rs = s.executeQuery("select seq_scan from pg_stat_xact_user_tables"
                    + " where relid = 'monitoring.quarter_total'::regclass")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("sequential scans of quarter_total")
                        .isZero();
            }
        }
    }

    private static UUID meter(Statement s, int m) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery("select md5('meter ' || " + m + ")::uuid")) {
            rs.next();
            return UUID.fromString(rs.getString(1));
        }
    }
}
