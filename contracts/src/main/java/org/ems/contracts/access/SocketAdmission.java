package org.ems.contracts.access;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Who opened a socket, for the modules whose sockets they are: the web module authenticates before the handshake and
 * decides here whether the socket may stay (signed in, and under the per-user limit), closing it otherwise.
 */
public interface SocketAdmission {

    /** A socket's caller and the sign-in it lives as long as. */
    record Admitted(Caller caller, UUID signIn) {}

    /** The socket's caller if it may stay open; empty when it was closed (with 1008 and the reason). */
    Optional<Admitted> admit(Session session) throws IOException;

    /** The socket closed: its place is free again. */
    void left(Session session);

    /** The web module's admission (endpoints are made by the container, not CDI: they look it up). */
    static SocketAdmission current() {
        return CDI.current().select(SocketAdmission.class).get();
    }
}
