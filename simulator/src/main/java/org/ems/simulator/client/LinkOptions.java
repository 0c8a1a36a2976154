package org.ems.simulator.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.ems.contracts.meter.MeterProtocol;
import org.ems.simulator.meter.MeterEndpoints;
import org.ems.simulator.meter.MeterLink;
import org.ems.simulator.meter.PerMeterLinks;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How simulated meters reach EMS: the protocol, where, and as whom (the options of {@code ./ems simulate}). */
public final class LinkOptions {

    @Option(
            names = "--protocol",
            defaultValue = "jms",
            paramLabel = "PROTOCOL",
            converter = LinkOptions.Protocol.class,
            description = "jms, mqtt or http (default ${DEFAULT-VALUE})")
    MeterProtocol protocol;

    /** A protocol as the command line names it: jms, mqtt or http, in any case. */
    public static final class Protocol implements CommandLine.ITypeConverter<MeterProtocol> {
        @Override
        public MeterProtocol convert(String text) {
            try {
                return MeterProtocol.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not jms, mqtt or http");
            }
        }
    }

    @Option(
            names = "--broker",
            paramLabel = "URL",
            description = "JMS: default tcp://127.0.0.1:$EMS_BROKER_PORT if set, "
                    + "else the URL the running EMS wrote to $EMS_HOME/run/meter.properties (with TLS options when on), "
                    + "else tcp://127.0.0.1:61616")
    String broker;

    @Option(
            names = "--mqtt",
            paramLabel = "URL",
            description = "MQTT: tcp://host:port or ssl://host:port; default as for --broker, port $EMS_MQTT_PORT, "
                    + "else 1883")
    String mqtt;

    @Option(
            names = "--ems",
            paramLabel = "URL",
            description = "EMS (HTTP: POST /api/readings); default as for --broker, port $EMS_HTTP_PORT, else 8080")
    URI ems;

    @Option(names = "--user", description = "default: $EMS_BROKER_USER, else meter (the gateway account)")
    String user;

    @Option(names = "--password", description = "default: $EMS_BROKER_PASSWORD, else the one in $EMS_HOME")
    String password;

    public MeterProtocol protocol() {
        return protocol;
    }

    /** A link of the chosen protocol; with {@code acknowledged}, sends return at once. */
    public MeterLink open(Path home, MeterLink.Acknowledgements acknowledged) throws IOException {
        return endpoints().open(protocol, user(), password(home), acknowledged);
    }

    /** A link per meter, each signed in with its own credential ({@code passwords}: by device). */
    public MeterLink openEach(Map<UUID, String> passwords) {
        Map<UUID, MeterLink> links = new HashMap<>();
        passwords.forEach(
                (device, password) -> links.put(device, endpoints().open(protocol, device.toString(), password, null)));
        return new PerMeterLinks(links);
    }

    /** Where the readings go, without passwords. */
    public String target() {
        return endpoints().target(protocol);
    }

    private MeterEndpoints endpoints() {
        return new MeterEndpoints(brokerUrl(), mqtt != null ? mqtt : EmsHome.mqttUrl(), emsUrl());
    }

    public String brokerUrl() {
        return broker != null ? broker : EmsHome.brokerUrl();
    }

    /** EMS's base URL (ending in a slash). */
    public URI emsUrl() {
        String url = ems != null ? ems.toString() : EmsHome.emsUrl();
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    public String user() {
        return user != null ? user : EmsHome.meterUser();
    }

    public String password(Path home) throws IOException {
        if (password != null) {
            return password;
        }
        String known = EmsHome.meterPassword(home);
        if (known == null) {
            throw new IllegalArgumentException("no meter password: give --password, set EMS_BROKER_PASSWORD, or run "
                    + "./ems run first (it generates one into " + home.resolve("secrets.properties") + ")");
        }
        return known;
    }
}
