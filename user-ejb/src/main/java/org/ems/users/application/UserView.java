package org.ems.users.application;

import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;

/**
 * A user as the API shows it: never a password or hash.
 *
 * @param email their address, or null
 * @param emailConfirmed whether mail may go there (given by an administrator, or its link followed)
 * @param notifyAlerts whether alerts of their devices are mailed to them
 * @param notifyAllAlerts whether every alert is mailed to them (administrators who chose it)
 */
public record UserView(
        UUID id,
        String username,
        String name,
        String role,
        String timeZone,
        String email,
        boolean emailConfirmed,
        boolean notifyAlerts,
        boolean notifyAllAlerts)
        implements java.io.Serializable {

    static UserView of(User user) {
        return new UserView(
                user.id(),
                user.username(),
                user.name(),
                user.role().name(),
                user.timeZone(),
                user.email().orElse(null),
                user.emailConfirmed(),
                user.notifications().alerts(),
                user.notifications().allAlerts());
    }

    /** The user as the caller of a request. */
    public Caller asCaller() {
        return new Caller(id, username, role);
    }

    Role roleValue() {
        return Role.valueOf(role);
    }
}
