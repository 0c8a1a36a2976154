package org.ems.users.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ems.contracts.validation.TimeZoneId;
import org.ems.users.domain.PasswordPolicy;

/**
 * What a user changes of themselves: zone, language (null follows the browser) and, with the current one, the
 * password (a null new password keeps it).
 */
public class ProfileChange implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "timeZone is required")
    @TimeZoneId
    private String timeZone;

    @Pattern(regexp = "en|ro", message = UserDetails.LANGUAGE_MESSAGE)
    private String language;

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
