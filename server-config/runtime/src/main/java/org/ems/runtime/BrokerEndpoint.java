package org.ems.runtime;

/**
 * How EMS reaches its Artemis broker, with the two accounts: the application's and the meters'.
 *
 * @param host broker host
 * @param port broker port (CORE protocol)
 * @param appUser the application's account (role {@code app})
 * @param appPassword its password
 * @param meterUser the account of meters and the simulator (role {@code meter}: send to {@code ems.readings} only)
 * @param meterPassword its password
 */
public record BrokerEndpoint(
        String host, int port, String appUser, String appPassword, String meterUser, String meterPassword) {

    public String url() {
        return "tcp://" + host + ":" + port;
    }

    /** The Artemis connector parameters of this endpoint, as the resource adapter takes them. */
    public String connectionParameters() {
        return "host=" + host + ";port=" + port;
    }

    @Override
    public String toString() {
        return "BrokerEndpoint[" + url() + "]";
    }
}
