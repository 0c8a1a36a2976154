package org.ems.web.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Map;
import org.ems.contracts.reading.MeterReading;
import org.ems.monitoring.application.ReadingsApplied;

/**
 * Pushes each stored reading, once its transaction commits, to the live page ({@code readings} channel, administrators)
 * and a sign of it to the pages showing its device ({@code usage}).
 */
@ApplicationScoped
public class ReadingsPush {

    @Inject
    @Push(channel = "readings")
    PushContext readings;

    /** Per device: the pages showing that device (whose {@code <f:websocket user>} is its id) reload their day. */
    @Inject
    @Push(channel = "usage")
    PushContext usage;

    void onApplied(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsApplied applied) {
        for (MeterReading reading : applied.readings()) {
            // Faces encodes the map as a JSON object for the page's onmessage handler.
            readings.send(Map.of(
                    "deviceId", reading.deviceId().toString(),
                    "timestamp", reading.timestamp().toString(),
                    "kwh", reading.kwh()));
        }
        applied.readings().stream().map(MeterReading::deviceId).distinct().forEach(id -> usage.send("reading", id));
    }
}
