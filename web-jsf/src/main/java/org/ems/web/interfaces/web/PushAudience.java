package org.ems.web.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The push sockets open on this instance, by channel and by channel and user, from Faces' socket events: a push that
 * nobody would receive is not made at all. Faces encodes a push before it looks for its sockets, and the live
 * readings' pushes cost 7% of Payara's CPU on the readings' path with no page open (./ems bench ingest --profile).
 */
@ApplicationScoped
public class PushAudience {

    private record Audience(String channel, Serializable user) {}

    private final Map<Audience, Integer> open = new ConcurrentHashMap<>();

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent socket) {
        count(socket, 1);
    }

    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent socket) {
        count(socket, -1);
    }

    /** Whether a socket of the channel is open here. */
    boolean listening(String channel) {
        return open.containsKey(new Audience(channel, null));
    }

    /** Whether a socket of the channel opened for this user is open here. */
    boolean listening(String channel, Serializable user) {
        return open.containsKey(new Audience(channel, user));
    }

    private void count(WebsocketEvent socket, int change) {
        add(new Audience(socket.getChannel(), null), change);
        if (socket.getUser() != null) {
            add(new Audience(socket.getChannel(), socket.getUser()), change);
        }
    }

    private void add(Audience audience, int change) {
        open.merge(audience, change, (sockets, more) -> sockets + more == 0 ? null : sockets + more);
    }
}
