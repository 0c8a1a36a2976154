package org.ems.users.domain;

import java.time.Duration;

/** How mails and webhook deliveries that did not go are tried again: a pause doubling from 30 s to an hour, for a day. */
public final class Retries {

    public static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    public static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

    private Retries() {}

    /** The pause after the {@code attempts}+1-th failed attempt: 30 s, 1 min, 2 min, ... up to an hour. */
    public static Duration pause(int attempts) {
        return attempts >= 7 ? LONGEST_PAUSE : FIRST_PAUSE.multipliedBy(1L << attempts);
    }
}
