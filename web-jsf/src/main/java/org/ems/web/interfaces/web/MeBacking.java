package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ems.contracts.access.Caller;

/** Who is signed in, for the layout: their name and the menu of their role (nobody on an error page before sign-in). */
@Named("me")
@RequestScoped
public class MeBacking {

    @Inject
    Caller caller;

    public boolean isSignedIn() {
        return caller != null;
    }

    public String getUsername() {
        return caller == null ? "" : caller.username();
    }

    public boolean isAdmin() {
        return caller != null && caller.isAdmin();
    }
}
