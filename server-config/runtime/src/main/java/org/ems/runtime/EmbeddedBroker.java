package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * An ActiveMQ Artemis broker inside the launcher's JVM, configured by {@code broker.xml}, with a persistent journal
 * under {@code $EMS_HOME/broker}. It always requires login ({@link BrokerAccounts}): role {@code app} for EMS, role
 * {@code meter} for meters.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** Artemis' audit log records every session and consumer at INFO: kept for warnings only (held: JUL keeps weak refs). */
    private static final java.util.logging.Logger AUDIT = quiet("org.apache.activemq.audit");

    private final EmbeddedActiveMQ broker;

    private EmbeddedBroker(EmbeddedActiveMQ broker) {
        this.broker = broker;
    }

    /** A broker for EMS and the gateway account only (no meter credentials: no database), in plain TCP. */
    public static EmbeddedBroker start(InstallationHome home, String address, BrokerEndpoint endpoint)
            throws Exception {
        return start(home, address, endpoint, Optional.empty(), new BrokerAccounts(endpoint, true, Optional.empty()));
    }

    /** A broker whose acceptor speaks TLS only when {@code tls} is given, letting in the {@code accounts}. */
    static EmbeddedBroker start(
            InstallationHome home,
            String address,
            BrokerEndpoint endpoint,
            Optional<TlsMaterial> tls,
            ActiveMQSecurityManager accounts)
            throws Exception {
        List<String> acceptorOptions = new ArrayList<>(List.of("tcpNoDelay=true"));
        tls.ifPresent(material -> acceptorOptions.addAll(material.acceptorOptions()));
        // broker.xml refers to these; Artemis resolves ${...} from system properties.
        System.setProperty("ems.broker.data", home.directory("broker").toString());
        System.setProperty("ems.broker.host", address);
        System.setProperty("ems.broker.port", Integer.toString(endpoint.port()));
        System.setProperty("ems.broker.acceptor-options", String.join(";", acceptorOptions));

        // Artemis reads its configuration from a file; the copy also shows operators what runs.
        Path config = home.directory("run").resolve("broker.xml");
        try (InputStream in = EmbeddedBroker.class.getResourceAsStream("broker.xml")) {
            Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfigResourcePath(config.toUri().toString());
        broker.setSecurityManager(accounts);
        try {
            broker.start();
        } catch (Exception e) {
            throw new IOException(
                    "cannot start the broker on " + address + ":" + endpoint.port() + ": " + e.getMessage(), e);
        }
        return new EmbeddedBroker(broker);
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
