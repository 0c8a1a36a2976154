package org.ems.web.interfaces.socket;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.ems.users.application.Presence;

/** Every minute: the users with a socket open on this instance are here (chat messages are not mailed to them). */
@Singleton
public class SocketPresence {

    @Inject
    SocketCaller sockets;

    @Inject
    Presence presence;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void beat() {
        presence.seen(sockets.users());
    }
}
