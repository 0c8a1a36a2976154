package org.ems.web.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * {@code /ws/alerts}: pushes each new alert of the connected user. Authentication (a JWT as subprotocol
 * {@code access_token}, or the page session) and the origin check happen before the handshake.
 */
@ServerEndpoint(value = "/ws/alerts", subprotocols = "access_token")
public class AlertEndpoint {

    @OnOpen
    public void open(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
            return;
        }
        sockets().opened(session.getUserPrincipal().getName(), session);
    }

    @OnClose
    public void close(Session session) {
        if (session.getUserPrincipal() != null) {
            sockets().closed(session.getUserPrincipal().getName(), session);
        }
    }

    private static AlertSockets sockets() {
        return CDI.current().select(AlertSockets.class).get();
    }
}
