package org.ems.web.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import org.ems.web.infrastructure.messaging.AlertArrived;

/** Pushes each alert to its owner's pages on this instance: the per-user {@code alerts} channel. */
@ApplicationScoped
public class AlertsPush {

    @Inject
    @Push(channel = "alerts")
    PushContext alerts;

    void onArrived(@Observes AlertArrived alert) {
        alerts.send(alert.json(), alert.ownerId());
    }
}
