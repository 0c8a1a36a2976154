package org.ems.web.infrastructure.security;

import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;

/** Payara's MP-JWT mechanism, which {@link EmsAuthenticationMechanism} hands API tokens to. */
final class PayaraJwt {

    private static volatile HttpAuthenticationMechanism mechanism;

    private PayaraJwt() {}

    /** Created on first use: it looks up its identity store through CDI, ready only once the application is. */
    static HttpAuthenticationMechanism mechanism() throws AuthenticationException {
        if (mechanism == null) {
            try {
                mechanism = (HttpAuthenticationMechanism)
                        Class.forName("fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism")
                                .getConstructor()
                                .newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AuthenticationException("Payara's MP-JWT mechanism is not available", e);
            }
        }
        return mechanism;
    }
}
