package org.ems.users.boundary;

import java.util.UUID;
import org.ems.users.entity.User;

/** A user as the API shows it: never a password or hash. */
public record UserView(UUID id, String username, String name, String role, String timeZone)
        implements java.io.Serializable {

    static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.name(), user.role().name(), user.timeZone());
    }
}
