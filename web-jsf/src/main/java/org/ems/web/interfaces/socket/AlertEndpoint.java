package org.ems.web.interfaces.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import org.ems.contracts.access.SocketAdmission;

/**
 * {@code /ws/alerts}: pushes each new alert of the connected user. Authentication (a JWT as subprotocol
 * {@code access_token}, or the page session) and the origin check happen before the handshake; the socket is closed
 * when its sign-in ends.
 */
@ServerEndpoint(value = "/ws/alerts", subprotocols = "access_token")
public class AlertEndpoint {

    @OnOpen
    public void open(Session session) throws IOException {
        SocketAdmission.current().admit(session).ifPresent(signedIn -> sockets().opened(signedIn, session));
    }

    @OnClose
    public void close(Session session) {
        SocketAdmission.current().left(session);
        sockets().closed(session);
    }

    private static AlertSockets sockets() {
        return CDI.current().select(AlertSockets.class).get();
    }
}
