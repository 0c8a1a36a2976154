package org.ems.users.application;

import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;

/** A user as the API shows it: never a password or hash. */
public record UserView(UUID id, String username, String name, String role, String timeZone)
        implements java.io.Serializable {

    static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.name(), user.role().name(), user.timeZone());
    }

    /** The user as the caller of a request. */
    public Caller asCaller() {
        return new Caller(id, username, role);
    }

    Role roleValue() {
        return Role.valueOf(role);
    }
}
