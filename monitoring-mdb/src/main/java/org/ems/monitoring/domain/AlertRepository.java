package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.alert.AlertMessage;

/** Stored alerts: at most one per device-hour. Who sees an alert follows its device's owner in the replica. */
public interface AlertRepository {

    /**
     * The alert for this device-hour, new, or the withdrawn one reinstated (with the total and limit now); empty when
     * the hour has a standing one already.
     */
    Optional<AlertMessage> raise(MonitoredDevice device, ClockHours.Hour hour, HourTotal total, BigDecimal limit);

    /** Withdraws the hour's standing alert, saying why; empty when it has none standing. */
    Optional<AlertMessage> withdraw(UUID deviceId, ClockHours.Hour hour, String reason);

    /**
     * The newest alerts first, at most {@code limit}.
     *
     * @param ownerScope only alerts of devices this user owns, or all when empty
     * @param deviceId only this device's, or every device's when empty
     */
    List<AlertMessage> list(Optional<UUID> ownerScope, Optional<UUID> deviceId, int limit);

    /** How many alerts of each device in the scope are not acknowledged yet (devices with none left out). */
    java.util.Map<UUID, Long> unacknowledgedByDevice(Optional<UUID> ownerScope);

    /** The alert, when it is in the scope. */
    Optional<AlertMessage> find(UUID id, Optional<UUID> ownerScope);

    /** Marks the alert acknowledged (the first time only); empty when there is no such alert in the scope. */
    Optional<AlertMessage> acknowledge(UUID id, Optional<UUID> ownerScope);
}
