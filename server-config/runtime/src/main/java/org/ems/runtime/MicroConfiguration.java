package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The configuration Payara Micro runs EMS with: our {@code domain.xml} and a private system-properties file holding
 * the database and broker endpoints that the domain and the application read (MicroProfile Config sees system
 * properties).
 */
public final class MicroConfiguration {

    /** The resource adapter's name in Payara, which its configuration in domain.xml refers to. */
    public static final String RESOURCE_ADAPTER = "ems-ra";

    private final Path domainXml;
    private final Path systemProperties;
    private final Path preBootCommands;
    private final Path postBootCommands;
    private final boolean tls;
    private final EmsSettings settings;

    private MicroConfiguration(
            Path domainXml,
            Path systemProperties,
            Path preBootCommands,
            Path postBootCommands,
            boolean tls,
            EmsSettings settings) {
        this.domainXml = domainXml;
        this.systemProperties = systemProperties;
        this.preBootCommands = preBootCommands;
        this.postBootCommands = postBootCommands;
        this.tls = tls;
        this.settings = settings;
    }

    /**
     * Writes the configuration into {@code directory}.
     *
     * @param resourceAdapter the Artemis adapter, deployed after boot and before any application, whose MDBs need it
     */
    public static MicroConfiguration write(
            Path directory,
            EmsSettings settings,
            DatabaseEndpoint database,
            BrokerEndpoint broker,
            JwtKeys jwt,
            Optional<TlsMaterial> tls,
            Path resourceAdapter,
            Properties extra)
            throws IOException {
        Files.createDirectories(directory);
        Path domainXml = directory.resolve("domain.xml");
        try (InputStream in = MicroConfiguration.class.getResourceAsStream("domain.xml")) {
            Files.copy(in, domainXml, StandardCopyOption.REPLACE_EXISTING);
        }
        Properties properties = new Properties();
        properties.setProperty("ems.http.address", settings.bindAddress());
        properties.setProperty("ems.db.url", database.url());
        properties.setProperty("ems.db.user", database.user());
        properties.setProperty("ems.db.password", database.password());
        properties.setProperty("ems.broker.connector-classes", broker.connectorClasses());
        properties.setProperty("ems.broker.connection-parameters", broker.connectionParameters());
        properties.setProperty("ems.broker.ha", Boolean.toString(broker.ha()));
        properties.setProperty("ems.broker.user", broker.appUser());
        properties.setProperty("ems.broker.password", broker.appPassword());
        if (settings.brokerGateway() && !broker.meterPassword().isEmpty()) {
            // POST /api/readings lets the gateway account in as the broker does.
            properties.setProperty("ems.gateway.user", broker.meterUser());
            properties.setProperty("ems.gateway.password", broker.meterPassword());
        }
        properties.setProperty("ems.db.pool.max-size", Integer.toString(settings.dbPoolMaxSize()));
        properties.setProperty("ems.timezone", settings.timeZone());
        properties.putAll(settings.application());
        properties.putAll(settings.logs().application(settings.home().resolve("logs")));
        // where mailed links point without ems.public-url: the first instance
        properties.setProperty(
                "ems.instance-url",
                PayaraMicroProcess.baseUrl(settings.bindAddress(), settings.webPort(), tls.isPresent())
                        .toString());
        properties.putAll(jwtProperties(jwt));
        properties.putAll(artemisTrustStore(broker));
        tls.ifPresent(material -> {
            properties.setProperty("ems.tls.keystore", material.keyStore().toString());
            properties.setProperty("ems.tls.keystore-password", material.keyStorePassword());
            properties.setProperty("ems.tls.alias", material.alias());
        });
        properties.putAll(extra);
        Path systemProperties = directory.resolve("ems.properties");
        InstallationHome.writePrivate(systemProperties, properties, "EMS settings for Payara Micro (holds passwords)");
        // The data grid: the instances' shared login throttle, web sessions and cluster membership.
        // With TLS, plain HTTP is off: nothing (session cookies, tokens) travels in clear.
        Path preBootCommands = directory.resolve("pre-boot.asadmin");
        Files.writeString(
                preBootCommands,
                "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=true\n"
                        + (tls.isEmpty()
                                ? ""
                                : "set configs.config.server-config.network-config"
                                        + ".network-listeners.network-listener.http-listener.enabled=false\n"));
        Path postBootCommands = directory.resolve("post-boot.asadmin");
        Files.writeString(
                postBootCommands,
                "deploy --type rar --name " + RESOURCE_ADAPTER + " " + resourceAdapter.toAbsolutePath() + "\n");
        return new MicroConfiguration(
                domainXml, systemProperties, preBootCommands, postBootCommands, tls.isPresent(), settings);
    }

    /**
     * Artemis clients take {@code javax.net.ssl.trustStore} (which Payara sets to its own CA list) over a connector's
     * {@code trustStorePath}; only its own {@code org.apache.activemq.ssl.*} properties rank higher. So the broker's
     * trust store is given that way too, which is safe as the broker is the only Artemis peer of Payara.
     */
    private static Properties artemisTrustStore(BrokerEndpoint broker) {
        Properties properties = new Properties();
        for (String option : broker.transportOptions()) {
            String[] pair = option.split("=", 2);
            switch (pair[0]) {
                case "trustStorePath" -> properties.setProperty("org.apache.activemq.ssl.trustStore", pair[1]);
                case "trustStorePassword", "trustStoreType" ->
                    properties.setProperty("org.apache.activemq.ssl." + pair[0], pair[1]);
                default -> {} // the rest works from the connector parameters
            }
        }
        return properties;
    }

    /** What the application needs to issue (private key) and MP-JWT to verify (public key, issuer) its tokens. */
    public static Properties jwtProperties(JwtKeys jwt) {
        Properties properties = new Properties();
        properties.setProperty("ems.jwt.private-key.location", jwt.privateKey().toString());
        properties.setProperty(
                "mp.jwt.verify.publickey.location", jwt.publicKey().toUri().toString());
        properties.setProperty("mp.jwt.verify.issuer", "ems");
        return properties;
    }

    /** Writes the logging of the instance whose files are called {@code name} ({@code --logProperties}). */
    public Path logging(Path logs, String name) throws IOException {
        Properties levels = new Properties();
        try (InputStream in = MicroConfiguration.class.getResourceAsStream("micro-logging.properties")) {
            levels.load(in);
        }
        Path file = systemProperties.resolveSibling(name + "-logging.properties");
        InstallationHome.writePrivate(
                file, settings.logs().micro(logs, name, levels), "Payara Micro's logging (written by ems run)");
        return file;
    }

    /**
     * Payara Micro command-line options that apply this configuration; the application to deploy comes after.
     *
     * @param port the HTTPS port with TLS, else the HTTP port
     * @param gridPort the port of this instance's data grid member
     */
    public List<String> options(int port, int gridPort, List<Path> libraries) {
        List<String> options = new ArrayList<>(List.of(
                "--domainconfig",
                domainXml.toString(),
                "--systemproperties",
                systemProperties.toString(),
                "--prebootcommandfile",
                preBootCommands.toString(),
                "--postbootcommandfile",
                postBootCommands.toString(),
                tls ? "--sslport" : "--port",
                Integer.toString(port),
                "--clustername",
                "ems",
                "--clustermode",
                "tcpip:" + String.join(",", settings.gridMembers()),
                "--interfaces",
                settings.bindAddress(),
                "--startport",
                Integer.toString(gridPort)));
        for (Path library : libraries) {
            options.add("--addlibs");
            options.add(library.toString());
        }
        return options;
    }
}
