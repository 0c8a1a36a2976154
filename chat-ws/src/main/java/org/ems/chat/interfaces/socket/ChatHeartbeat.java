package org.ems.chat.interfaces.socket;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Every 10 seconds: this instance's chat connections are still here, and who is online is said again if it changed. */
@Singleton
public class ChatHeartbeat {

    @Inject
    ChatSockets sockets;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void beat() {
        sockets.beat();
    }
}
