package org.ems.users.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ems.contracts.validation.TimeZoneId;
import org.ems.users.domain.PasswordPolicy;

/**
 * What a user changes of themselves: zone, language (null follows the browser), e-mail address and what is mailed
 * (null keeps them), and, with the current one, the password (a null new password keeps it).
 */
public class ProfileChange implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "timeZone is required")
    @TimeZoneId
    private String timeZone;

    @Pattern(regexp = "en|ro", message = UserDetails.LANGUAGE_MESSAGE)
    private String language;

    @jakarta.validation.constraints.Email(message = UserDetails.EMAIL_MESSAGE)
    @Size(max = 254, message = UserDetails.EMAIL_MESSAGE)
    private String email;

    @jakarta.validation.Valid
    private NotificationSettings notifications;

    @Size(max = PasswordPolicy.MAX_LENGTH, message = UserDetails.LONG_PASSWORD)
    private String currentPassword;

    @Size(min = PasswordPolicy.MIN_LENGTH, message = "new " + UserDetails.SHORT_PASSWORD)
    @Size(max = PasswordPolicy.MAX_LENGTH, message = "new " + UserDetails.LONG_PASSWORD)
    private String newPassword;

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** The address mail goes to, once confirmed by the link mailed to it; blank removes it, null keeps it. */
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** What is mailed, and when (as {@code PUT /api/me/notifications}); null keeps all of it. */
    public NotificationSettings getNotifications() {
        return notifications;
    }

    public void setNotifications(NotificationSettings notifications) {
        this.notifications = notifications;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
