package org.ems.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.monitoring.application.Alert;
import org.ems.monitoring.application.AlertService;
import org.ems.users.boundary.UserView;
import org.ems.web.security.SignedIn;

/** The dashboard's alerts: the signed-in user's (an administrator's: all), newest first; acknowledging one. */
@Named
@RequestScoped
public class AlertsPage {

    @Inject
    AlertService alerts;

    @Inject
    ExternalContext context;

    private List<Alert> list;

    public List<Alert> getList() {
        if (list == null) {
            UserView user = user();
            list = alerts.list(user.id(), isAdmin(user), Optional.empty());
        }
        return list;
    }

    public long getUnacknowledged() {
        return getList().stream().filter(a -> a.acknowledgedAt() == null).count();
    }

    public void acknowledge(UUID alertId) {
        UserView user = user();
        alerts.acknowledge(alertId, user.id(), isAdmin(user));
        list = null;
    }

    private UserView user() {
        return SignedIn.user(context.getSessionMap());
    }

    private static boolean isAdmin(UserView user) {
        return "ADMIN".equals(user.role());
    }
}
