package org.ems.contracts.access;

/** The roles of EMS, as the JWT's {@code groups}, the page session and the database name them. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String CLIENT = "CLIENT";

    /** A meter, or the gateway, posting readings over HTTP (never a person: no JWT carries it). */
    public static final String METER = "METER";

    private Roles() {}
}
