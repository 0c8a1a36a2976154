package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored alerts: at most one per device-hour. Who sees an alert follows its device's owner in the replica. */
public interface AlertRepository {

    /** The alert for this device-hour, if there was none yet; empty when the hour has one already. */
    Optional<Alert> raise(MonitoredDevice device, ClockHours.Hour hour, HourTotal total, BigDecimal limit);

    /**
     * The newest alerts first, at most {@code limit}.
     *
     * @param ownerScope only alerts of devices this user owns, or all when empty
     * @param deviceId only this device's, or every device's when empty
     */
    List<Alert> list(Optional<UUID> ownerScope, Optional<UUID> deviceId, int limit);

    /** Marks the alert acknowledged (the first time only); empty when there is no such alert in the scope. */
    Optional<Alert> acknowledge(UUID id, Optional<UUID> ownerScope);
}
