package org.ems.web.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.ems.contracts.reading.MeterReading;
import org.ems.monitoring.application.ReadingsApplied;

/**
 * Pushes the stored readings, once their transaction commits, to the live page ({@code readings} channel, administrators)
 * and a sign of it to the pages showing its device ({@code usage}).
 */
@ApplicationScoped
public class ReadingsPush {

    /** The rows of the live page's table (ems.showReadings keeps as many). */
    private static final int LIVE_ROWS = 50;

    @Inject
    @Push(channel = "readings")
    PushContext readings;

    /** Per device: the pages showing that device (whose {@code <f:websocket user>} is its id) reload their day. */
    @Inject
    @Push(channel = "usage")
    PushContext usage;

    @Inject
    PushAudience audience;

    void onApplied(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsApplied applied) {
        List<MeterReading> stored = applied.readings();
        if (stored.isEmpty()) {
            return;
        }
        // One message per transaction (Faces encodes the list as a JSON array): the page shows the latest ones only.
        if (audience.listening("readings")) {
            readings.send(stored.subList(Math.max(0, stored.size() - LIVE_ROWS), stored.size()).stream()
                    .map(reading -> Map.of(
                            "deviceId", reading.deviceId().toString(),
                            "timestamp", reading.timestamp().toString(),
                            "kwh", reading.kwh()))
                    .toList());
        }
        stored.stream()
                .map(MeterReading::deviceId)
                .distinct()
                .filter(id -> audience.listening("usage", id))
                .forEach(id -> usage.send("reading", id));
    }
}
