package org.ems.monitoring.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.device.MonthlyBudget;
import org.ems.contracts.platform.Sql;

/** A row of {@code monitoring.alert} as the alert it is: the common columns, and those of its kind. */
final class AlertRows {

    static final String COLUMNS = "a.id, a.device_id, a.kind, a.period_start, a.period_offset_seconds, a.stage,"
            + " a.kwh, a.limit_kwh, a.projected, a.expected_at, a.resolved_at, a.budget_kwh, a.budget_amount, a.currency,"
            + " a.created_at, a.acknowledged_at, a.withdrawn_at, a.withdrawn_reason";

    private AlertRows() {}

    static AlertMessage alert(ResultSet rs) throws SQLException {
        return new AlertMessage(
                Sql.uuid(rs, 1),
                Sql.uuid(rs, 2),
                facts(rs),
                rs.getTimestamp(15).toInstant(),
                instant(rs.getTimestamp(16)),
                instant(rs.getTimestamp(17)),
                rs.getString(18));
    }

    /** The columns of its kind. */
    private static AlertFacts facts(ResultSet rs) throws SQLException {
        OffsetDateTime start = rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.ofTotalSeconds(rs.getInt(5)));
        return switch (AlertKind.valueOf(rs.getString(3))) {
            case OVER_LIMIT -> new AlertFacts.OverLimit(start, rs.getBigDecimal(7), rs.getBigDecimal(8));
            case PROJECTED ->
                new AlertFacts.Projected(
                        start,
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(8),
                        rs.getTimestamp(10).toInstant());
            case SILENT -> new AlertFacts.Silent(start.toInstant(), instant(rs.getTimestamp(11)));
            case BUDGET ->
                new AlertFacts.Budget(
                        YearMonth.from(start),
                        AlertFacts.Budget.Stage.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                        new MonthlyBudget(rs.getBigDecimal(12), rs.getBigDecimal(13)),
                        rs.getBigDecimal(9),
                        rs.getString(14));
        };
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
