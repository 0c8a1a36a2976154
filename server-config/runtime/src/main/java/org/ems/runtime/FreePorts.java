package org.ems.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The ports an EMS of this machine will listen on, checked free before anything starts: a clear word, not a crash. */
final class FreePorts {

    private FreePorts() {}

    /** Each instance's web and data-grid ports, and the embedded database's. */
    static void requireForInstancesAndDatabase(EmsSettings settings) throws IOException {
        for (int i = 0; i < settings.instances(); i++) {
            require(settings.bindAddress(), settings.webPort() + i, settings.webPortSetting());
            require(settings.bindAddress(), settings.clusterPort() + i, "EMS_CLUSTER_PORT");
        }
        if (settings.dbUrl().isEmpty()) {
            require(settings.bindAddress(), settings.dbPort(), "EMS_DB_PORT");
        }
    }

    /** The embedded broker's ports (the backup's too). */
    static void requireForBroker(EmsSettings settings, BrokerEndpoint broker) throws IOException {
        if (settings.brokerUrl().isEmpty()) {
            for (BrokerEndpoint.Address server : broker.servers()) {
                require(settings.bindAddress(), server.port(), "EMS_BROKER_PORT");
            }
            require(settings.bindAddress(), settings.mqttPort(), "EMS_MQTT_PORT");
        }
    }

    /** A port free now on the loopback interface, for a server the launcher runs for a moment of its own. */
    static int any() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void require(String address, int port, String setting) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(address))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IOException("port " + port + " on " + address + " is in use (" + setting
                    + "): is another EMS or service running? Choose another port with " + setting + ".");
        }
    }
}
