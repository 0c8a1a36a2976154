package org.ems.web.infrastructure.security;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.ems.contracts.access.SignedInConnections;
import org.ems.users.application.LoginSessions;

/**
 * Ends, within a second, the connections of this instance whose sign-in ended on any instance (sign-out, a deleted
 * or demoted user, a new password): page sessions are invalidated and sockets closed. Requests need no sweep: each
 * one checks its sign-in.
 */
@Singleton
public class SignInSweep {

    @Inject
    LoginSessions sessions;

    @Inject
    @Any
    Instance<SignedInConnections> connections;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void sweep() {
        Set<UUID> open = new HashSet<>();
        connections.forEach(c -> open.addAll(c.signIns()));
        if (open.isEmpty()) {
            return;
        }
        Set<UUID> active = sessions.activeAmong(open);
        open.removeAll(active);
        for (UUID ended : open) {
            connections.forEach(c -> c.end(ended));
        }
    }
}
