package org.ems.web.infrastructure.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The principal of a page session's requests and push sockets: its name, and the sign-in it belongs to. */
public class PagePrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final SignedIn signedIn;

    PagePrincipal(SignedIn signedIn) {
        super(signedIn.caller().username());
        this.signedIn = signedIn;
    }

    SignedIn signedIn() {
        return signedIn;
    }
}
