package org.ems.simulator.meter;

import java.net.URI;
import org.ems.contracts.meter.MeterProtocol;

/**
 * Where an EMS takes meters' readings, by protocol: the one place that picks the link for a protocol.
 *
 * @param broker its broker for JMS (with TLS options when on)
 * @param mqtt its MQTT listener ({@code tcp://host:port} or {@code ssl://host:port})
 * @param ems its base URL, ending in a slash (HTTP: {@code POST /api/readings})
 */
public record MeterEndpoints(String broker, String mqtt, URI ems) {

    /** A link of {@code protocol}, signed in as {@code user}; with {@code acknowledged}, sends return at once. */
    public MeterLink open(
            MeterProtocol protocol, String user, String password, MeterLink.Acknowledgements acknowledged) {
        return switch (protocol) {
            case JMS -> new BrokerLink(broker, user, password, acknowledged);
            case MQTT -> new MqttLink(mqtt, user, password, acknowledged);
            case HTTP -> new HttpLink(ems, user, password, acknowledged);
        };
    }

    /** Where {@code protocol}'s readings go, without passwords. */
    public String target(MeterProtocol protocol) {
        String url = switch (protocol) {
            case JMS -> broker;
            case MQTT -> mqtt;
            case HTTP -> ems.resolve("api/readings").toString();
        };
        return protocol.label() + " " + url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
