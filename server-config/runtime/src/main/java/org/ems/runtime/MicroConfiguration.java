package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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
    private final Path postBootCommands;

    private MicroConfiguration(Path domainXml, Path systemProperties, Path postBootCommands) {
        this.domainXml = domainXml;
        this.systemProperties = systemProperties;
        this.postBootCommands = postBootCommands;
    }

    /**
     * Writes the configuration into {@code directory}.
     *
     * @param resourceAdapter the Artemis adapter, deployed after boot and before any application, whose MDBs need it
     */
    public static MicroConfiguration write(Path directory, EmsSettings settings, DatabaseEndpoint database,
            BrokerEndpoint broker, JwtKeys jwt, Path resourceAdapter, Properties extra) throws IOException {
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
        properties.setProperty("ems.broker.connection-parameters", broker.connectionParameters());
        properties.setProperty("ems.broker.user", broker.appUser());
        properties.setProperty("ems.broker.password", broker.appPassword());
        properties.setProperty("ems.timezone", settings.timeZone());
        properties.putAll(jwtProperties(jwt));
        properties.putAll(extra);
        Path systemProperties = directory.resolve("ems.properties");
        InstallationHome.writePrivate(systemProperties, properties, "EMS settings for Payara Micro (holds passwords)");
        Path postBootCommands = directory.resolve("post-boot.asadmin");
        Files.writeString(postBootCommands, "deploy --type rar --name " + RESOURCE_ADAPTER + " "
                + resourceAdapter.toAbsolutePath() + "\n");
        return new MicroConfiguration(domainXml, systemProperties, postBootCommands);
    }

    /** What the application needs to issue (private key) and MP-JWT to verify (public key, issuer) its tokens. */
    public static Properties jwtProperties(JwtKeys jwt) {
        Properties properties = new Properties();
        properties.setProperty("ems.jwt.private-key.location", jwt.privateKey().toString());
        properties.setProperty("mp.jwt.verify.publickey.location", jwt.publicKey().toUri().toString());
        properties.setProperty("mp.jwt.verify.issuer", "ems");
        return properties;
    }

    /** Payara Micro command-line options that apply this configuration; the application to deploy comes after. */
    public List<String> options(int httpPort, List<Path> libraries) {
        List<String> options = new ArrayList<>(List.of(
                "--domainconfig", domainXml.toString(),
                "--systemproperties", systemProperties.toString(),
                "--postbootcommandfile", postBootCommands.toString(),
                "--port", Integer.toString(httpPort),
                "--nocluster"));
        for (Path library : libraries) {
            options.add("--addlibs");
            options.add(library.toString());
        }
        return options;
    }
}
