package org.ems.contracts.user;

import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask about users (implemented by user-ejb): devices need their owner's time zone. No module
 * reads the {@code users} schema itself.
 */
public interface UserDirectory {

    /** The IANA zone of the user, or empty when there is no such user. */
    Optional<String> timeZone(UUID userId);

    /** The zone of users and devices that give none ({@code ems.timezone}, default UTC). */
    String defaultTimeZone();
}
