package org.ems.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ems.contracts.access.SignedInConnections;

/** The signed-in page sessions of this instance, by sign-in, so that an ended sign-in ends its session here too. */
@ApplicationScoped
public class PageSessions implements SignedInConnections {

    private final Map<UUID, HttpSession> bySignIn = new ConcurrentHashMap<>();

    void signedIn(SignedIn signedIn, HttpSession session) {
        session.setAttribute(SignedIn.SESSION_ATTRIBUTE, signedIn);
        bySignIn.put(signedIn.sessionId(), session);
    }

    @Override
    public Set<UUID> signIns() {
        return Set.copyOf(bySignIn.keySet());
    }

    /** Invalidates the session of an ended sign-in (which closes its push sockets). */
    @Override
    public void end(UUID signIn) {
        HttpSession session = bySignIn.remove(signIn);
        if (session != null) {
            invalidate(session);
        }
    }

    static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // it ended meanwhile
        }
    }

    /** Forgets sessions that end on their own (timeout, sign-out). */
    @WebListener
    public static class Listener implements HttpSessionListener {

        @Inject
        PageSessions sessions;

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            SignedIn.of(event.getSession()).ifPresent(s -> sessions.bySignIn.remove(s.sessionId()));
        }
    }
}
