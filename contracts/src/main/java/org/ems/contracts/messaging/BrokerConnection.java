package org.ems.contracts.messaging;

/**
 * How the EMS modules attach to the broker inside Payara: through the Artemis resource adapter {@code ems-ra.rar},
 * whose configuration in the server (not the application) holds the broker endpoint and the application's account.
 * Annotation values must be constants, hence this class.
 */
public final class BrokerConnection {

    /** The resource adapter's name: the RAR file name without {@code .rar}. */
    public static final String RESOURCE_ADAPTER = "ems-ra";

    /** The application's outbound, XA-capable connection factory, a resource of the server on {@code ems-ra}. */
    public static final String CONNECTION_FACTORY = "jms/EmsConnectionFactory";

    private BrokerConnection() {}
}
