package org.ems.users.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * What a user wants mailed, and when: each {@link MailList} on or off; quiet hours (in the user's zone) during which
 * mails wait; or a daily digest, which keeps them all for one summary at {@link #DIGEST_AT}.
 *
 * @param quietHours null: none
 */
public record NotificationPreferences(
        boolean alerts, boolean allAlerts, boolean chat, QuietHours quietHours, boolean dailyDigest) {

    /** When the daily digest goes, in the user's zone (or when quiet hours that hold this time end). */
    public static final LocalTime DIGEST_AT = LocalTime.of(7, 0);

    /** From {@code from} (included) to {@code to} (excluded), across midnight when {@code to} comes first. */
    public record QuietHours(LocalTime from, LocalTime to) {

        public QuietHours {
            if (from.equals(to)) {
                throw new IllegalArgumentException("quiet hours must end at another time than they begin");
            }
        }

        boolean contains(LocalTime time) {
            return from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }
    }

    /** Whether mails of {@code list} are wanted ({@link MailList#ALL}: any). */
    public boolean wants(MailList list) {
        return switch (list) {
            case ALERTS -> alerts;
            case ALL_ALERTS -> allAlerts;
            case CHAT -> chat;
            case ALL -> alerts || allAlerts || chat;
        };
    }

    /** The same with the mails of {@code list} stopped. */
    public NotificationPreferences without(MailList list) {
        return new NotificationPreferences(
                alerts && list != MailList.ALERTS && list != MailList.ALL,
                allAlerts && list != MailList.ALL_ALERTS && list != MailList.ALL,
                chat && list != MailList.CHAT && list != MailList.ALL,
                quietHours,
                dailyDigest);
    }

    /**
     * Until when a notification made at {@code now} waits: with the digest, the next {@link #DIGEST_AT}; in quiet
     * hours, their end; either way never into quiet hours. Empty: it goes now.
     */
    public Optional<Instant> holdUntil(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime release = dailyDigest ? next(local, DIGEST_AT) : local;
        if (quietHours != null && quietHours.contains(release.toLocalTime())) {
            release = next(release, quietHours.to());
        }
        return release.equals(local) ? Optional.empty() : Optional.of(release.toInstant());
    }

    /** The first {@code time} of day after {@code moment} (a time a clock change skips: as much later as it jumps). */
    private static ZonedDateTime next(ZonedDateTime moment, LocalTime time) {
        ZonedDateTime sameDay = moment.with(time);
        return sameDay.isAfter(moment) ? sameDay : moment.plusDays(1).with(time);
    }
}
