package org.ems.web.infrastructure.security;

import jakarta.security.enterprise.CallerPrincipal;

/**
 * The principal of a sign-in EMS keeps itself, a page session's (requests and push sockets) or an API key's: its name,
 * and the sign-in it belongs to.
 */
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
