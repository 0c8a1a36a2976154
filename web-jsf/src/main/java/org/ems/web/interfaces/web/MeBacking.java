package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ems.contracts.access.Caller;
import org.ems.monitoring.application.AlertService;

/** Who is signed in, for the layout: their name and the menu of their role (nobody on an error page before sign-in). */
@Named("me")
@RequestScoped
public class MeBacking {

    @Inject
    Caller caller;

    @Inject
    AlertService alerts;

    private Long unread;

    public boolean isSignedIn() {
        return caller != null;
    }

    public String getUsername() {
        return caller == null ? "" : caller.username();
    }

    public boolean isAdmin() {
        return caller != null && caller.isAdmin();
    }

    /** Whom the pages' {@code alerts} push channel is for. */
    public java.util.UUID getUserId() {
        return caller == null ? null : caller.userId();
    }

    /** The user's alerts not acknowledged yet: the header's badge (counted in the database, on every page). */
    public long getUnreadAlerts() {
        if (unread == null) {
            unread = caller == null ? 0L : alerts.unacknowledged(caller);
        }
        return unread;
    }
}
