package org.ems.contracts.platform;

/**
 * Names of what the server provides to every module, declared once. Annotation values must be constants, hence this
 * class. (The server's configuration creates them: server-config's domain.xml and Payara Server command files.)
 */
public final class ServerResources {

    /** The PostgreSQL data source every module's schema lives in. */
    public static final String DATASOURCE = "jdbc/ems";

    /** The MicroProfile Config property of the default time zone, and its default. */
    public static final String TIMEZONE_PROPERTY = "ems.timezone";

    public static final String DEFAULT_TIMEZONE = "UTC";

    private ServerResources() {}
}
