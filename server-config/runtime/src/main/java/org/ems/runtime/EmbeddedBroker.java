package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * An ActiveMQ Artemis broker in this JVM ({@code ./ems run} gives it a process of its own, {@link BrokerProcess}),
 * configured by {@code broker.xml}, with a persistent journal
 * under {@code $EMS_HOME/broker}. It always requires login ({@link BrokerAccounts}): role {@code app} for EMS, role
 * {@code meter} for meters, which send over the core protocol (JMS) or MQTT.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** Artemis' audit log records every session and consumer at INFO: kept for warnings only (held: JUL keeps weak refs). */
    private static final java.util.logging.Logger AUDIT = quiet("org.apache.activemq.audit");

    private final EmbeddedActiveMQ broker;

    private EmbeddedBroker(EmbeddedActiveMQ broker) {
        this.broker = broker;
    }

    /**
     * What the broker holds in memory: {@code duplicateIds} entries in its duplicate-id cache (the last messages a
     * producer gave an id, {@code ems.broker.duplicate-ids}); messages up to {@code memoryMib} MiB before it pages them
     * to disk ({@code ems.broker.memory}), the readings' queue up to half of it.
     */
    record Limits(int duplicateIds, long memoryMib) {

        static final Limits DEFAULTS = of(SettingSources.defaults());

        static Limits of(EmsSettings settings) {
            return new Limits(settings.brokerDuplicateIds(), settings.brokerMemory());
        }

        private static Limits of(java.util.Map<String, String> settings) {
            return new Limits(
                    Integer.parseInt(settings.get("EMS_BROKER_DUPLICATE_IDS")), EmsSettings.brokerMemory(settings));
        }
    }

    /**
     * One of a primary/backup pair sharing the journal (shared store: whoever holds its lock is live; the backup takes
     * over when the primary dies and hands back when it returns).
     *
     * @param backup whether this is the backup
     * @param peerPort the other broker's port (same host)
     */
    record Pair(boolean backup, int peerPort) {}

    /** The account brokers use between themselves; its password is always a secret of the installation. */
    static final String CLUSTER_USER = "ems-cluster";

    /** The cluster account's password: generated once into the home, the same for every broker of it. */
    static String clusterPassword(InstallationHome home) throws IOException {
        return home.secret("broker.cluster.password");
    }

    /**
     * A broker for EMS and the gateway account only (no meter credentials: no database), in plain TCP; meters' MQTT on
     * {@code mqttPort} unless empty.
     */
    public static EmbeddedBroker start(
            InstallationHome home, String address, BrokerEndpoint endpoint, OptionalInt mqttPort) throws Exception {
        return start(
                home.directory("broker"),
                home.directory("run").resolve("broker.xml"),
                address,
                endpoint.port(),
                mqttPort,
                List.of(),
                Limits.DEFAULTS,
                new BrokerAccounts(endpoint, true, Optional.empty()),
                clusterPassword(home),
                Optional.empty());
    }

    /**
     * A broker with its journal under {@code data}, on {@code port} for the core protocol and {@code mqttPort} (unless
     * empty) for meters' MQTT, whose acceptors take the given transport options (TLS), letting in
     * the {@code accounts}, within the {@code limits}; with a {@code pair}, one of a
     * primary/backup pair. The cluster account gets {@code clusterPassword} in every mode: left unset, Artemis lets in
     * its documented default cluster account, whatever the security manager says.
     */
    static EmbeddedBroker start(
            Path data,
            Path config,
            String address,
            int port,
            OptionalInt mqttPort,
            List<String> transportOptions,
            Limits limits,
            ActiveMQSecurityManager accounts,
            String clusterPassword,
            Optional<Pair> pair)
            throws Exception {
        List<String> acceptorOptions = new ArrayList<>(List.of("tcpNoDelay=true"));
        acceptorOptions.addAll(transportOptions);
        // broker.xml refers to these; Artemis resolves ${...} from system properties.
        System.setProperty("ems.broker.data", data.toString());
        System.setProperty("ems.broker.host", address);
        System.setProperty("ems.broker.port", Integer.toString(port));
        System.setProperty("ems.broker.acceptor-options", String.join(";", acceptorOptions));
        System.setProperty("ems.broker.id-cache-size", Integer.toString(limits.duplicateIds()));
        System.setProperty("ems.broker.memory", limits.memoryMib() + "M");
        System.setProperty("ems.broker.readings-memory", limits.memoryMib() / 2 + "M");

        // Artemis reads its configuration from a file; the copy also shows operators what runs.
        try (InputStream in = EmbeddedBroker.class.getResourceAsStream("broker.xml")) {
            Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
        }
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment =
                new FileDeploymentManager(config.toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        if (mqttPort.isPresent()) {
            // A pair's backup opens it only when it takes over: both use the one port meters know.
            configuration.addAcceptorConfiguration(
                    "mqtt",
                    "tcp://" + address + ":" + mqttPort.getAsInt() + "?protocols=MQTT;"
                            + String.join(";", acceptorOptions));
            configuration.setIncomingInterceptorClassNames(List.of(NoMqttSubscriptions.class.getName()));
        }
        configuration.registerBrokerPlugin(new DeviceTopics());
        configuration.setClusterUser(CLUSTER_USER);
        configuration.setClusterPassword(clusterPassword);
        pair.ifPresent(p -> pairUp(configuration, address, port, transportOptions, p));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.setSecurityManager(accounts);
        try {
            broker.start();
        } catch (Exception e) {
            throw new IOException("cannot start the broker on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        return new EmbeddedBroker(broker);
    }

    /**
     * Shared-store HA: the backup announces itself to the live broker over a cluster connection, and clients learn
     * both from the topology; the backup fails back when the primary returns, so the primary is live whenever it runs.
     */
    private static void pairUp(
            FileConfiguration configuration, String address, int port, List<String> transportOptions, Pair pair) {
        String options = transportOptions.isEmpty() ? "" : "?" + String.join("&", transportOptions);
        try {
            configuration.addConnectorConfiguration("self", "tcp://" + address + ":" + port + options);
            configuration.addConnectorConfiguration("peer", "tcp://" + address + ":" + pair.peerPort() + options);
        } catch (Exception e) {
            throw new IllegalArgumentException("broker connector for " + address + ": " + e.getMessage(), e);
        }
        configuration.setHAPolicyConfiguration(
                pair.backup()
                        ? new SharedStoreBackupPolicyConfiguration().setAllowFailBack(true)
                        : new SharedStorePrimaryPolicyConfiguration().setFailoverOnServerShutdown(false));
        configuration.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName("ems-pair")
                .setConnectorName("self")
                .setStaticConnectors(List.of("peer"))
                .setRetryInterval(500)
                .setReconnectAttempts(-1));
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
