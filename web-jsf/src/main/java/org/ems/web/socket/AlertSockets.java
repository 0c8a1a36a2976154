package org.ems.web.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open {@code /ws/alerts} connections of this instance, by user name: an alert goes to its owner's only. */
@ApplicationScoped
public class AlertSockets {

    private final Map<String, Set<Session>> byUser = new ConcurrentHashMap<>();

    void opened(String user, Session session) {
        byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void closed(String user, Session session) {
        byUser.computeIfPresent(user, (u, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** Sends the JSON text to every open connection of the user; returns how many there were. */
    public int send(String user, String json) {
        Set<Session> sessions = byUser.getOrDefault(user, Set.of());
        for (Session session : sessions) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(json);
            }
        }
        return sessions.size();
    }
}
