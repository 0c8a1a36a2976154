package org.ems.monitoring.application;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.contracts.alert.AlertDirectory;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.monitoring.domain.AlertRepository;

/** Alerts as the callers who may see them see them: those of their devices (an administrator: all). */
@Stateless
@LocalBean
@Local(AlertDirectory.class) // the view chat uses, besides the bean itself
public class AlertService implements AlertDirectory {

    /** At most this many alerts, the newest, in one list. */
    public static final int LIST_LIMIT = 500;

    @Inject
    AlertRepository alerts;

    /**
     * The newest alerts the caller may see, at most {@link #LIST_LIMIT} (the pages' lists).
     *
     * @param deviceId only this device's alerts, if given
     * @param kind only alerts of this kind, if given
     */
    public List<AlertMessage> list(Caller caller, Optional<UUID> deviceId, Optional<AlertKind> kind) {
        return page(caller, deviceId, kind, Optional.empty(), PageRequest.page(0, LIST_LIMIT))
                .items();
    }

    /** A page of the alerts the caller may see, by device, kind and whether acknowledged (each: if given). */
    public Page<AlertMessage> page(
            Caller caller,
            Optional<UUID> deviceId,
            Optional<AlertKind> kind,
            Optional<Boolean> acknowledged,
            PageRequest page) {
        return alerts.page(new AlertRepository.Query(caller.ownerScope(), deviceId, kind, acknowledged), page);
    }

    /** The meters silent now (the console's list), the longest silent first. */
    public List<AlertMessage> silentMeters() {
        return alerts.silentMeters();
    }

    @Override
    public Optional<AlertMessage> find(UUID alertId, Caller caller) {
        return alerts.find(alertId, caller.ownerScope());
    }

    /** How many of the alerts the caller may see are not acknowledged yet (the pages' badge). */
    public long unacknowledged(Caller caller) {
        return unacknowledgedByDevice(caller).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The caller's alerts not acknowledged yet, counted by device (devices with none left out). */
    public java.util.Map<UUID, Long> unacknowledgedByDevice(Caller caller) {
        return alerts.unacknowledgedByDevice(caller.ownerScope());
    }

    /** Acknowledges the alert (again: no change); empty when the caller may not see it or it does not exist. */
    public Optional<AlertMessage> acknowledge(UUID alertId, Caller caller) {
        return alerts.acknowledge(alertId, caller.ownerScope());
    }
}
