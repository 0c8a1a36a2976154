package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import org.ems.web.infrastructure.security.SignInToken;

/** The sign-in page: the token its form must post back (the mechanism takes {@code POST /login} only with it). */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    ExternalContext context;

    public String getField() {
        return SignInToken.FIELD;
    }

    public String getToken() {
        return SignInToken.of((HttpSession) context.getSession(true));
    }
}
