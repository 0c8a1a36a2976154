package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ems.contracts.access.Caller;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;
import org.ems.monitoring.application.AlertService;
import org.ems.users.application.UserService;

/**
 * The alerts page: the newest alerts of the devices the caller may see (an administrator's: all, with their owner; a
 * client's: their own), filtered by device or owner name, by kind or by whether they were acknowledged; acknowledging
 * one.
 */
@Named
@ViewScoped
public class AlertsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    @Inject
    DeviceService devices;

    @Inject
    UserService users;

    @Inject
    Caller caller;

    /** One line of the table: the alert, its device's name, its owner's username (empty while unassigned). */
    public record Row(AlertMessage alert, String device, String owner) implements Serializable {

        public boolean isAcknowledged() {
            return alert.acknowledgedAt() != null;
        }

        /** Still to deal with: standing and not acknowledged. */
        public boolean isOpen() {
            return alert.standing() && !isAcknowledged();
        }
    }

    private List<Row> rows;
    private boolean openOnly;
    private String search = "";
    private AlertKind kind;

    /** The rows shown: of a device or owner whose name holds the search, all or only those not acknowledged yet. */
    public List<Row> getShown() {
        String word = search == null ? "" : search.trim().toLowerCase(java.util.Locale.ROOT);
        return getRows().stream()
                .filter(r -> !openOnly || r.isOpen())
                .filter(r -> kind == null || r.alert().kind() == kind)
                .filter(r -> r.device().toLowerCase(java.util.Locale.ROOT).contains(word)
                        || r.owner().toLowerCase(java.util.Locale.ROOT).contains(word))
                .toList();
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    /** The kind shown; null: every kind. */
    public AlertKind getKind() {
        return kind;
    }

    public void setKind(AlertKind kind) {
        this.kind = kind;
    }

    public AlertKind[] getKinds() {
        return AlertKind.values();
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public void setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
    }

    private List<Row> getRows() {
        if (rows == null) {
            rows = rows(alerts.list(caller, Optional.empty(), Optional.empty()), devices, users, caller);
        }
        return rows;
    }

    /** The alerts as lines of a table: each with its device's name and owner, as the caller sees the devices. */
    static List<Row> rows(List<AlertMessage> alerts, DeviceService devices, UserService users, Caller caller) {
        Map<UUID, DeviceData> byId =
                devices.list(caller).stream().collect(Collectors.toMap(DeviceData::id, Function.identity()));
        Map<UUID, String> owners = OwnerNames.of(users, byId.values());
        return alerts.stream()
                .map(a -> {
                    DeviceData device = byId.get(a.deviceId());
                    return new Row(
                            a,
                            device == null ? a.deviceId().toString() : device.name(),
                            device == null ? "" : owners.getOrDefault(device.ownerId(), ""));
                })
                .toList();
    }

    public void acknowledge(Row row) {
        alerts.acknowledge(row.alert().id(), caller);
        reload();
    }

    /** Reads the alerts again (one was pushed, or acknowledged). */
    public void reload() {
        rows = null;
    }
}
