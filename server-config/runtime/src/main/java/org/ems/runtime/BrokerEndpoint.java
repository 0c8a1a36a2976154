package org.ems.runtime;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How EMS reaches its Artemis broker, with the two accounts: the application's and the meters'.
 *
 * @param servers the broker's addresses (CORE protocol): one broker, or a primary and its backup, which clients
 *     fail over between
 * @param transportOptions Artemis client transport options, e.g. TLS ({@code sslEnabled=true}, trust store)
 * @param appUser the application's account (role {@code app})
 * @param appPassword its password
 * @param meterUser the account of meters and the simulator (role {@code meter}: send to {@code ems.readings} only)
 * @param meterPassword its password
 */
public record BrokerEndpoint(
        List<Address> servers,
        List<String> transportOptions,
        String appUser,
        String appPassword,
        String meterUser,
        String meterPassword) {

    /** One broker's host and port. */
    public record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private static final String NETTY = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";

    public BrokerEndpoint {
        servers = List.copyOf(servers);
        transportOptions = List.copyOf(transportOptions);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a broker endpoint needs an address");
        }
    }

    /** A single broker. */
    public BrokerEndpoint(
            String host,
            int port,
            List<String> transportOptions,
            String appUser,
            String appPassword,
            String meterUser,
            String meterPassword) {
        this(List.of(new Address(host, port)), transportOptions, appUser, appPassword, meterUser, meterPassword);
    }

    /**
     * The addresses and options of a broker URL: {@code tcp://host:port?options}, or with failover
     * {@code (tcp://host1:port1,tcp://host2:port2)?options}.
     */
    static BrokerEndpoint parse(
            String url, String appUser, String appPassword, String meterUser, String meterPassword) {
        String text = url.trim();
        String addresses = text;
        String query = "";
        if (text.startsWith("(")) {
            int close = text.indexOf(')');
            if (close < 0) {
                throw new IllegalArgumentException(
                        "ems.broker.url (EMS_BROKER_URL) opens '(' without closing it: '" + url + "'");
            }
            addresses = text.substring(1, close);
            query = text.substring(close + 1).replaceFirst("^\\?", "");
        } else if (text.contains("?")) {
            addresses = text.substring(0, text.indexOf('?'));
            query = text.substring(text.indexOf('?') + 1);
        }
        List<Address> servers = Arrays.stream(addresses.split(","))
                .map(one -> {
                    URI uri = URI.create(one.trim());
                    if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                        throw new IllegalArgumentException(
                                "ems.broker.url (EMS_BROKER_URL) must look like tcp://host:port or "
                                        + "(tcp://host1:port1,tcp://host2:port2), not '" + url + "'");
                    }
                    return new Address(uri.getHost(), uri.getPort());
                })
                .toList();
        // The failover switches are EMS's to set (ha()); the rest (TLS) is the transport's.
        List<String> options = Arrays.stream(query.split("&"))
                .filter(option -> !option.isBlank())
                .filter(option -> !option.startsWith("ha=") && !option.startsWith("reconnectAttempts="))
                .toList();
        return new BrokerEndpoint(servers, options, appUser, appPassword, meterUser, meterPassword);
    }

    /** The first (primary) broker's host. */
    public String host() {
        return servers.get(0).host();
    }

    /** The first (primary) broker's port. */
    public int port() {
        return servers.get(0).port();
    }

    /** A primary and backup: clients take the cluster's topology and fail over, retrying for ever. */
    public boolean ha() {
        return servers.size() > 1;
    }

    /** The URL clients (meters, the simulator) connect with, transport options and failover included. */
    public String url() {
        List<String> options = new java.util.ArrayList<>(transportOptions);
        if (ha()) {
            options.addAll(0, List.of("ha=true", "reconnectAttempts=-1"));
        }
        String query = options.isEmpty() ? "" : "?" + String.join("&", options);
        if (!ha()) {
            return "tcp://" + servers.get(0) + query;
        }
        return servers.stream().map(a -> "tcp://" + a).collect(Collectors.joining(",", "(", ")")) + query;
    }

    /** The Artemis connector parameters of each server, as the resource adapter takes them (comma between servers). */
    public String connectionParameters() {
        return servers.stream()
                .map(a -> "host=" + a.host() + ";port=" + a.port()
                        + (transportOptions.isEmpty() ? "" : ";" + String.join(";", transportOptions)))
                .collect(Collectors.joining(","));
    }

    /** The resource adapter's connector class, once per server. */
    public String connectorClasses() {
        return servers.stream().map(a -> NETTY).collect(Collectors.joining(","));
    }

    public boolean tls() {
        return transportOptions.contains("sslEnabled=true");
    }

    @Override
    public String toString() {
        return "BrokerEndpoint" + servers + (tls() ? ", TLS" : "");
    }
}
