package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.ems.contracts.alert.AlertMessage;

/**
 * A device's consumption went over its limit in one clock hour (at most one alert per device-hour). Who may see it
 * follows the device: its owner (and administrators).
 *
 * @param hourStart the hour, with the offset of the device's zone then
 * @param kwh the hour's total when the alert was raised
 * @param limitKwh the limit in force when the hour started
 * @param acknowledgedAt when it was acknowledged, or null
 */
public record Alert(
        UUID id,
        UUID deviceId,
        OffsetDateTime hourStart,
        BigDecimal kwh,
        BigDecimal limitKwh,
        Instant createdAt,
        Instant acknowledgedAt) {

    /** The alert as the API, the sockets and the {@code ems.alerts} topic carry it. */
    public AlertMessage toMessage() {
        return new AlertMessage(id, deviceId, hourStart, kwh, limitKwh, createdAt, acknowledgedAt);
    }
}
