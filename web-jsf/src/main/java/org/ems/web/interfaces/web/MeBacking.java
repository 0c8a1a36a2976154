package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ems.contracts.access.Caller;
import org.ems.monitoring.application.AlertService;
import org.ems.users.application.ProfileService;

/** Who is signed in, for the layout: their name and the menu of their role (nobody on an error page before sign-in). */
@Named("me")
@RequestScoped
public class MeBacking {

    @Inject
    Caller caller;

    @Inject
    AlertService alerts;

    @Inject
    ProfileService profiles;

    private Long unread;
    private java.util.Locale locale;

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

    /** The pages' language: the one the user chose in their profile, else the browser's best supported one. */
    public java.util.Locale getLocale() {
        if (locale == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            locale = (caller == null ? java.util.Optional.<String>empty() : profiles.language(caller.userId()))
                    .map(java.util.Locale::forLanguageTag)
                    .orElseGet(() -> faces.getApplication().getViewHandler().calculateLocale(faces));
        }
        return locale;
    }
}
