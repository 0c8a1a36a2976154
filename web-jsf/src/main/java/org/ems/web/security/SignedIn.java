package org.ems.web.security;

import java.util.Map;
import org.ems.users.boundary.UserView;

/** The user of a page session (signed in through the login form): kept in the session under one key. */
public final class SignedIn {

    static final String SESSION_USER = "ems.user";

    private SignedIn() {}

    /** The session's user; pages are protected, so a page request always has one. */
    public static UserView user(Map<String, Object> session) {
        if (session.get(SESSION_USER) instanceof UserView user) {
            return user;
        }
        throw new IllegalStateException("no signed-in user in this session");
    }
}
