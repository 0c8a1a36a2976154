package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ems.contracts.access.Caller;
import org.ems.devices.application.DeviceService;
import org.ems.monitoring.application.AlertService;
import org.ems.users.application.UserService;

/** The console's list of silent meters: the open {@code SILENT} alerts, with their device and owner. */
@Named
@RequestScoped
public class SilentMetersBacking {

    @Inject
    AlertService alerts;

    @Inject
    DeviceService devices;

    @Inject
    UserService users;

    @Inject
    Caller caller;

    private List<AlertsBacking.Row> rows;

    public List<AlertsBacking.Row> getRows() {
        if (rows == null) {
            rows = AlertsBacking.rows(alerts.silentMeters(), devices, users, caller);
        }
        return rows;
    }
}
