package org.ems.web.interfaces.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.ems.chat.interfaces.socket.ChatSockets;

/** The sockets open on this instance, on {@code /metrics}: {@code ems_sockets_open{socket="alerts"|"chat"}}. */
@ApplicationScoped
public class SocketMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    AlertSockets alerts;

    @Inject
    ChatSockets chat;

    void register(@Observes Startup startup) {
        registry.gauge("ems.sockets.open", alerts, AlertSockets::count, new Tag("socket", "alerts"));
        registry.gauge("ems.sockets.open", chat, ChatSockets::count, new Tag("socket", "chat"));
    }
}
