package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.monitoring.infrastructure.persistence.AlertRepository;

/** Alerts as their owners (and administrators) see them. */
@Stateless
public class AlertService {

    /** At most this many alerts, the newest, in one list. */
    public static final int LIST_LIMIT = 500;

    @Inject
    AlertRepository alerts;

    /**
     * The newest alerts the viewer may see: an administrator every alert, anyone else their own.
     *
     * @param deviceId only this device's alerts, if given
     */
    public List<Alert> list(UUID viewerId, boolean admin, Optional<UUID> deviceId) {
        return alerts.list(admin ? Optional.empty() : Optional.of(viewerId), deviceId, LIST_LIMIT);
    }

    /** Acknowledges the alert (again: no change); empty when the viewer may not see it or it does not exist. */
    public Optional<Alert> acknowledge(UUID alertId, UUID viewerId, boolean admin) {
        return alerts.acknowledge(alertId, admin ? Optional.empty() : Optional.of(viewerId));
    }
}
