package org.ems.users.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;
import org.ems.users.domain.NotificationPreferences;

/**
 * A user's notification preferences as {@code GET|PUT /api/me/notifications} and the profile page show them:
 * {@code {"email":{"alerts","chat","allAlerts"},"quietHours":{"from":"22:00","to":"07:00"}|null,"digest":"off|daily"}}.
 * In a change, an {@code email} flag left out keeps its value; {@code quietHours} left out means none, {@code digest}
 * left out {@code off}.
 */
public class NotificationSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A time of day, or nothing (an empty field of the profile page). */
    static final String TIME = "(([01][0-9]|2[0-3]):[0-5][0-9])?";

    static final String TIME_MESSAGE = "quiet hours are times of day as HH:mm, from 00:00 to 23:59";

    /** Which mails go: a null flag keeps its value. */
    public static class Email implements Serializable {

        private static final long serialVersionUID = 1L;

        private Boolean alerts;
        private Boolean chat;
        private Boolean allAlerts;

        /** Alerts of one's own devices. */
        public Boolean getAlerts() {
            return alerts;
        }

        public void setAlerts(Boolean alerts) {
            this.alerts = alerts;
        }

        /** Chat messages that come while one is away. */
        public Boolean getChat() {
            return chat;
        }

        public void setChat(Boolean chat) {
            this.chat = chat;
        }

        /** Every alert of every device: administrators only. */
        public Boolean getAllAlerts() {
            return allAlerts;
        }

        public void setAllAlerts(Boolean allAlerts) {
            this.allAlerts = allAlerts;
        }
    }

    /** From (included) to (excluded), in the user's zone; across midnight when {@code to} comes first. */
    public static class QuietHours implements Serializable {

        private static final long serialVersionUID = 1L;

        @Pattern(regexp = TIME, message = TIME_MESSAGE)
        private String from;

        @Pattern(regexp = TIME, message = TIME_MESSAGE)
        private String to;

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }
    }

    @Valid
    private Email email = new Email();

    @Valid
    private QuietHours quietHours;

    @Pattern(regexp = "off|daily", message = "digest must be off or daily")
    private String digest = "off";

    static NotificationSettings of(NotificationPreferences preferences) {
        NotificationSettings settings = new NotificationSettings();
        settings.email.alerts = preferences.alerts();
        settings.email.chat = preferences.chat();
        settings.email.allAlerts = preferences.allAlerts();
        if (preferences.quietHours() != null) {
            settings.quietHours = new QuietHours();
            settings.quietHours.from = preferences.quietHours().from().toString();
            settings.quietHours.to = preferences.quietHours().to().toString();
        }
        settings.digest = preferences.dailyDigest() ? "daily" : "off";
        return settings;
    }

    /** These settings over {@code current}: what they leave out keeps its value or default (see the class). */
    NotificationPreferences over(NotificationPreferences current) {
        Email flags = email == null ? new Email() : email;
        NotificationPreferences.QuietHours quiet = null;
        if (quietHours != null) {
            if (quietHours.from == null
                    || quietHours.to == null
                    || quietHours.from.isEmpty()
                    || quietHours.to.isEmpty()) {
                throw org.ems.contracts.access.Rejected.invalid("quietHours", "quiet hours need both from and to");
            }
            if (quietHours.from.equals(quietHours.to)) {
                throw org.ems.contracts.access.Rejected.invalid("quietHours", "quiet hours must end at another time");
            }
            quiet = new NotificationPreferences.QuietHours(
                    LocalTime.parse(quietHours.from), LocalTime.parse(quietHours.to));
        }
        return new NotificationPreferences(
                Objects.requireNonNullElse(flags.alerts, current.alerts()),
                Objects.requireNonNullElse(flags.allAlerts, current.allAlerts()),
                Objects.requireNonNullElse(flags.chat, current.chat()),
                quiet,
                "daily".equals(digest));
    }

    public Email getEmail() {
        return email;
    }

    public void setEmail(Email email) {
        this.email = email;
    }

    /** Null: none. */
    public QuietHours getQuietHours() {
        return quietHours;
    }

    public void setQuietHours(QuietHours quietHours) {
        this.quietHours = quietHours;
    }

    /** {@code off}, or {@code daily}: one summary a day at 07:00 in the user's zone. */
    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }
}
