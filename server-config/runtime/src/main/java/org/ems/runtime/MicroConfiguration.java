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

    /** The resource adapter's name in Payara: the file name of the RAR without {@code .rar}. */
    public static final String RESOURCE_ADAPTER_FILE = "ems-ra.rar";

    private final Path domainXml;
    private final Path systemProperties;

    private MicroConfiguration(Path domainXml, Path systemProperties) {
        this.domainXml = domainXml;
        this.systemProperties = systemProperties;
    }

    public static MicroConfiguration write(
            Path directory, EmsSettings settings, DatabaseEndpoint database, BrokerEndpoint broker, Properties extra)
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
        properties.setProperty("ems.broker.connection-parameters", broker.connectionParameters());
        properties.setProperty("ems.broker.user", broker.appUser());
        properties.setProperty("ems.broker.password", broker.appPassword());
        properties.setProperty("ems.timezone", settings.timeZone());
        properties.putAll(extra);
        Path systemProperties = directory.resolve("ems.properties");
        InstallationHome.writePrivate(systemProperties, properties, "EMS settings for Payara Micro (holds passwords)");
        return new MicroConfiguration(domainXml, systemProperties);
    }

    /** Payara Micro command-line options that apply this configuration and deploy the adapter and the application. */
    public List<String> options(int httpPort, Path resourceAdapter, Path application, List<Path> libraries) {
        List<String> options = new ArrayList<>(List.of(
                "--domainconfig", domainXml.toString(),
                "--systemproperties", systemProperties.toString(),
                "--port", Integer.toString(httpPort),
                "--nocluster"));
        for (Path library : libraries) {
            options.add("--addlibs");
            options.add(library.toString());
        }
        // The adapter first: the application's MDBs and connection factory need it.
        options.addAll(List.of("--deploy", resourceAdapter.toString(), "--deploy", application.toString()));
        return options;
    }
}
