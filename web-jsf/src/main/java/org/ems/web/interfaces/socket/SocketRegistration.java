package org.ems.web.interfaces.socket;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import org.ems.chat.interfaces.socket.ChatEndpoint;

/**
 * Registers the endpoints explicitly: on Payara 6 annotated {@code @ServerEndpoint}s were sometimes not picked up
 * (404 on the handshake, about one start in five).
 */
@WebListener
public class SocketRegistration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container =
                (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
        for (Class<?> endpoint : java.util.List.of(AlertEndpoint.class, ChatEndpoint.class)) {
            try {
                container.addEndpoint(endpoint);
            } catch (DeploymentException alreadyRegistered) {
                // the annotation scan found it this time
            }
        }
    }
}
