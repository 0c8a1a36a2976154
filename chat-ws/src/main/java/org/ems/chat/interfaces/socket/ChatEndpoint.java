package org.ems.chat.interfaces.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import org.ems.contracts.access.SocketAdmission;

/**
 * {@code /ws/chat}: the support chat (docs/websockets.md). Authentication and the origin check happen before the
 * handshake, as for {@code /ws/alerts}; a frame over 16 KiB closes the socket with 1009 (the container does); the
 * socket is closed with 1008 when its sign-in ends (signed out, expired, the user deleted).
 */
@ServerEndpoint(value = "/ws/chat", subprotocols = "access_token")
public class ChatEndpoint {

    /** The largest frame read: 4,000 code points of text, escaped, with room for the rest of the frame. */
    static final int MAX_FRAME = 16 * 1024;

    @OnOpen
    public void open(Session session) throws IOException {
        SocketAdmission.current().admit(session).ifPresent(signedIn -> sockets().opened(signedIn, session));
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void frame(Session session, String text) {
        sockets().received(session, text);
    }

    @OnClose
    public void close(Session session) {
        SocketAdmission.current().left(session);
        sockets().closed(session);
    }

    private static ChatSockets sockets() {
        return CDI.current().select(ChatSockets.class).get();
    }
}
