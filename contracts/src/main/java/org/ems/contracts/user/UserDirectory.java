package org.ems.contracts.user;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask about users (implemented by user-ejb): devices need their owner's time zone, chat the
 * names of the people in a conversation. No module reads the {@code users} schema itself.
 */
public interface UserDirectory {

    /** The IANA zone of the user, or empty when there is no such user. */
    Optional<String> timeZone(UUID userId);

    /** The zone of users and devices that give none ({@code ems.timezone}, default UTC). */
    String defaultTimeZone();

    /** The ids of the users of these usernames that exist, by their usernames as given (in any case). */
    Map<String, UUID> idsOf(Collection<String> usernames);

    /** The users among {@code ids} that exist, by id. */
    Map<UUID, Person> people(Collection<UUID> ids);
}
