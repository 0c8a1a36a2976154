package org.ems.web.interfaces.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ems.contracts.access.SocketAdmission;
import org.ems.users.application.Presence;
import org.ems.web.infrastructure.security.SecurityEvents;
import org.ems.web.infrastructure.security.SignedIn;

/**
 * Who opened a socket (authenticated before the handshake), and whether they may have one more: at most
 * {@value #PER_USER} open sockets per user across {@code /ws/*} on an instance. A socket without a sign-in, or over
 * the limit, is closed at once with 1008 and the reason.
 */
@ApplicationScoped
public class SocketCaller implements SocketAdmission {

    static final int PER_USER = 20;

    /** Where a session notes that it holds one of its user's places. */
    private static final String COUNTED = "ems.socketCounted";

    private final Map<UUID, Integer> open = new ConcurrentHashMap<>();

    @Inject
    SecurityEvents events;

    @Inject
    Presence presence;

    @Override
    public Optional<Admitted> admit(Session session) throws IOException {
        Optional<SignedIn> signedIn = SignedIn.of(session.getUserPrincipal());
        if (signedIn.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
            return Optional.empty();
        }
        UUID user = signedIn.get().caller().userId();
        boolean[] admitted = {false};
        open.compute(user, (u, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < PER_USER;
            return admitted[0] ? now + 1 : now;
        });
        if (!admitted[0]) {
            events.record(
                    SecurityEvents.Event.SOCKET_LIMIT,
                    signedIn.get().caller().username(),
                    null,
                    "more than " + PER_USER + " open sockets");
            session.close(new CloseReason(
                    CloseReason.CloseCodes.VIOLATED_POLICY, "at most " + PER_USER + " open sockets per user"));
            return Optional.empty();
        }
        session.getUserProperties().put(COUNTED, user);
        presence.seen(Set.of(user));
        return signedIn.map(s -> new Admitted(s.caller(), s.sessionId()));
    }

    /** The users with a socket open here. */
    Set<UUID> users() {
        return Set.copyOf(open.keySet());
    }

    @Override
    public void left(Session session) {
        if (session.getUserProperties().remove(COUNTED) instanceof UUID user) {
            open.computeIfPresent(user, (u, count) -> count > 1 ? count - 1 : null);
        }
    }
}
