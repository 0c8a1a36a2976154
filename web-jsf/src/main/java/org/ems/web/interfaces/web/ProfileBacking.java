package org.ems.web.interfaces.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.ems.contracts.access.Rejected;
import org.ems.users.application.EmailAddresses;
import org.ems.users.application.NotificationSettings;
import org.ems.users.application.ProfileChange;
import org.ems.users.application.ProfileService;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;
import org.ems.web.infrastructure.security.ClientAddresses;
import org.ems.web.infrastructure.security.SignedIn;

/** The profile page: the signed-in user changes their time zone, language, e-mail, notifications and password. */
@Named
@ViewScoped
public class ProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAddresses addresses;

    @Inject
    UserService users;

    @Inject
    ProfileService profiles;

    @Inject
    SignedIn signedIn;

    @Inject
    EmailAddresses emailAddresses;

    private UserView me;
    private ProfileChange change;

    public UserView getMe() {
        if (me == null) {
            me = users.find(signedIn.caller().userId());
        }
        return me;
    }

    public ProfileChange getChange() {
        if (change == null) {
            change = new ProfileChange();
            change.setTimeZone(getMe().timeZone());
            change.setLanguage(profiles.language(getMe().id()).orElse(null));
            change.setEmail(getMe().email() == null ? "" : getMe().email());
            NotificationSettings notifications = profiles.notifications(getMe().id());
            if (notifications.getQuietHours() == null) {
                notifications.setQuietHours(new NotificationSettings.QuietHours()); // the page's two empty fields
            }
            change.setNotifications(notifications);
        }
        return change;
    }

    /** Whether EMS sends mail at all: without a mail server the page says so. */
    public boolean isMailOn() {
        return emailAddresses.mailOn();
    }

    /** Saves; the page is shown again (in the new language, if it changed). */
    public String save() {
        ProfileChange request = getChange();
        // an empty field of the form is "no change", not an empty password or language
        request.setLanguage(blankAsNull(request.getLanguage()));
        request.setNewPassword(blankAsNull(request.getNewPassword()));
        request.setCurrentPassword(blankAsNull(request.getCurrentPassword()));
        // two empty time fields are no quiet hours
        NotificationSettings.QuietHours quiet = request.getNotifications().getQuietHours();
        boolean noQuietHours = blankAsNull(quiet.getFrom()) == null && blankAsNull(quiet.getTo()) == null;
        if (noQuietHours) {
            request.getNotifications().setQuietHours(null);
        }
        try {
            profiles.changeProfile(getMe().id(), request, signedIn.sessionId(), addresses.of((HttpServletRequest)
                    FacesContext.getCurrentInstance().getExternalContext().getRequest()));
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "profileForm");
            return null;
        } finally {
            request.getNotifications().setQuietHours(quiet);
        }
        PageMessages.done(request.getNewPassword() == null ? "profile.saved" : "profile.savedWithPassword");
        jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getFlash()
                .setKeepMessages(true);
        return "/portal/profile?faces-redirect=true";
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
