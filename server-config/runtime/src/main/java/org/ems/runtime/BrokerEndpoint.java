package org.ems.runtime;

import java.util.List;

/**
 * How EMS reaches its Artemis broker, with the two accounts: the application's and the meters'.
 *
 * @param host broker host
 * @param port broker port (CORE protocol)
 * @param transportOptions Artemis client transport options, e.g. TLS ({@code sslEnabled=true}, trust store)
 * @param appUser the application's account (role {@code app})
 * @param appPassword its password
 * @param meterUser the account of meters and the simulator (role {@code meter}: send to {@code ems.readings} only)
 * @param meterPassword its password
 */
public record BrokerEndpoint(
        String host,
        int port,
        List<String> transportOptions,
        String appUser,
        String appPassword,
        String meterUser,
        String meterPassword) {

    public BrokerEndpoint {
        transportOptions = List.copyOf(transportOptions);
    }

    /** The URL clients (meters, the simulator) connect with, transport options included. */
    public String url() {
        return "tcp://" + host + ":" + port
                + (transportOptions.isEmpty() ? "" : "?" + String.join("&", transportOptions));
    }

    /** The Artemis connector parameters of this endpoint, as the resource adapter takes them. */
    public String connectionParameters() {
        return "host=" + host + ";port=" + port
                + (transportOptions.isEmpty() ? "" : ";" + String.join(";", transportOptions));
    }

    public boolean tls() {
        return transportOptions.contains("sslEnabled=true");
    }

    @Override
    public String toString() {
        return "BrokerEndpoint[" + host + ":" + port + (tls() ? ", TLS" : "") + "]";
    }
}
