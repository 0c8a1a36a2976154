package org.ems.monitoring.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlStateRefusedDataTest {

    @Test
    void theDatabaseRefusingTheDataIsRefusedData() {
        assertThat(new SqlStateRefusedData().causes(wrapped(new SQLException("numeric field overflow", "22003"))))
                .isTrue();
        assertThat(new SqlStateRefusedData().causes(wrapped(new SQLException("duplicate key", "23505"))))
                .isTrue();
    }

    @Test
    void theDatabaseBeingAwayOrBusyIsNot() {
        assertThat(new SqlStateRefusedData().causes(wrapped(new SQLException("connection refused", "08001"))))
                .isFalse();
        assertThat(new SqlStateRefusedData().causes(wrapped(new SQLException("terminating connection", "57P01"))))
                .isFalse();
        assertThat(new SqlStateRefusedData().causes(wrapped(new SQLException("deadlock detected", "40P01"))))
                .isFalse();
        // Payara's pool says it could not allocate a connection with no SQLSTATE at all
        assertThat(new SqlStateRefusedData().causes(wrapped(new SQLException("Error in allocating a connection"))))
                .isFalse();
        assertThat(new SqlStateRefusedData().causes(new IllegalStateException("no SQL at all")))
                .isFalse();
    }

    @Test
    void aBatchsChainedExceptionsAreLookedAtToo() {
        SQLException batch = new SQLException("Batch entry 3 was aborted", "08006");
        batch.setNextException(new SQLException("value too long", "22001"));
        assertThat(new SqlStateRefusedData().causes(wrapped(batch))).isTrue();
    }

    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("transaction rolled back", new RuntimeException("cannot store", e));
    }
}
