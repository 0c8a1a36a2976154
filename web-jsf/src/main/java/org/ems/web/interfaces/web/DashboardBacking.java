package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.contracts.alert.AlertMessage;
import org.ems.monitoring.application.AlertService;

/** The dashboard: the alerts the signed-in user may see, newest first; acknowledging one. */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    AlertService alerts;

    @Inject
    Caller caller;

    private List<AlertMessage> list;

    public List<AlertMessage> getAlerts() {
        if (list == null) {
            list = alerts.list(caller, Optional.empty());
        }
        return list;
    }

    public long getUnacknowledged() {
        return getAlerts().stream().filter(a -> a.acknowledgedAt() == null).count();
    }

    public boolean isAdmin() {
        return caller.isAdmin();
    }

    public void acknowledge(UUID alertId) {
        alerts.acknowledge(alertId, caller);
        list = null;
    }
}
