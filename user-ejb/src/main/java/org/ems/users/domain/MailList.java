package org.ems.users.domain;

import java.util.Arrays;
import java.util.Optional;

/** A kind of notification mail a user may stop, by its name in unsubscribe links and held notifications. */
public enum MailList {
    /** Alerts of one's own devices. */
    ALERTS("alerts"),
    /** Every alert of every device (administrators who chose it). */
    ALL_ALERTS("all-alerts"),
    /** Chat messages that came while one was away. */
    CHAT("chat"),
    /** All of them: the link of a summary mail. */
    ALL("all");

    private final String id;

    MailList(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<MailList> of(String id) {
        return Arrays.stream(values()).filter(list -> list.id.equals(id)).findFirst();
    }
}
