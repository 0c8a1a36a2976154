package org.ems.web.interfaces.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import org.ems.web.infrastructure.security.SignedIn;

/** Who opened a socket (authenticated before the handshake); one without a sign-in is closed with 1008. */
final class SocketCaller {

    private SocketCaller() {}

    static Optional<SignedIn> of(Session session) throws IOException {
        Optional<SignedIn> signedIn = SignedIn.of(session.getUserPrincipal());
        if (signedIn.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
        }
        return signedIn;
    }
}
