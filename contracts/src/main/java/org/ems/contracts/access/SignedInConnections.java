package org.ems.contracts.access;

import java.util.Set;
import java.util.UUID;

/** Connections of this instance that live as long as a sign-in does: page sessions, sockets. */
public interface SignedInConnections {

    /** The sign-ins of the open connections. */
    Set<UUID> signIns();

    /** Closes every connection of an ended sign-in. */
    void end(UUID signIn);
}
