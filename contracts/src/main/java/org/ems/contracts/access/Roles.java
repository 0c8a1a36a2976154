package org.ems.contracts.access;

/** The roles of EMS, as the JWT's {@code groups}, the page session and the database name them. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String CLIENT = "CLIENT";

    private Roles() {}
}
