package org.ems.simulator.meter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Meters that each send over a link of their own, signed in with their own credential: a send groups the readings by
 * device, in order, and hands each group to its meter's link (a batch then holds one meter's readings only).
 */
public final class PerMeterLinks implements MeterLink {

    private final Map<UUID, MeterLink> links;

    public PerMeterLinks(Map<UUID, MeterLink> links) {
        this.links = Map.copyOf(links);
    }

    @Override
    public void send(List<Outgoing> outgoing, Format format, int batch) {
        Map<UUID, List<Outgoing>> byMeter = outgoing.stream()
                .collect(Collectors.groupingBy(o -> o.reading().deviceId(), LinkedHashMap::new, Collectors.toList()));
        byMeter.forEach((device, readings) -> {
            MeterLink link = links.get(device);
            if (link == null) {
                throw new IllegalStateException("no credential of meter " + device);
            }
            link.send(readings, format, batch);
        });
    }

    /** A message that names no meter has no link to go by. */
    @Override
    public void sendText(String body) {
        throw new UnsupportedOperationException("meters with their own credentials send readings only");
    }

    @Override
    public boolean refusesMalformed() {
        return links.values().stream().anyMatch(MeterLink::refusesMalformed);
    }

    @Override
    public boolean connected() {
        return links.values().stream().allMatch(MeterLink::connected);
    }

    @Override
    public void close() {
        links.values().forEach(MeterLink::close);
    }
}
