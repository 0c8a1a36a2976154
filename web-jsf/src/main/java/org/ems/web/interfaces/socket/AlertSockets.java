package org.ems.web.interfaces.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.ems.contracts.access.SignedInConnections;
import org.ems.contracts.access.SocketAdmission.Admitted;
import org.ems.web.infrastructure.messaging.AlertArrived;

/** The open {@code /ws/alerts} connections of this instance, by user: an alert goes to its owner's (and to the administrators' if it is for them). */
@ApplicationScoped
public class AlertSockets implements SignedInConnections {

    private final Map<Session, Admitted> open = new ConcurrentHashMap<>();

    void opened(Admitted signedIn, Session session) {
        open.put(session, signedIn);
    }

    void closed(Session session) {
        open.remove(session);
    }

    /** Sends an alert to every open connection of its owner (and of the administrators, when it is for them). */
    void send(@Observes AlertArrived alert) {
        open.forEach((session, signedIn) -> {
            boolean forThem = signedIn.caller().userId().equals(alert.ownerId())
                    || alert.administrators() && signedIn.caller().isAdmin();
            if (forThem && session.isOpen()) {
                session.getAsyncRemote().sendText(alert.json());
            }
        });
    }

    /** How many are open. */
    public int count() {
        return open.size();
    }

    @Override
    public Set<UUID> signIns() {
        return open.values().stream().map(Admitted::signIn).collect(Collectors.toSet());
    }

    @Override
    public void end(UUID signIn) {
        open.forEach((session, signedIn) -> {
            if (signedIn.signIn().equals(signIn)) {
                open.remove(session);
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "signed out"));
                } catch (IOException gone) {
                    // closed already
                }
            }
        });
    }
}
