package org.ems.web.rest;

/** The roles of EMS as they appear in the JWT's {@code groups}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String CLIENT = "CLIENT";

    private Roles() {}
}
