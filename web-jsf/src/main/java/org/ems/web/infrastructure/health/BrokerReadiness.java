package org.ems.web.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;

/** Ready only when the broker accepts the application's login and knows the readings queue. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = BrokerConnection.CONNECTION_FACTORY)
    ConnectionFactory broker;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = broker.createContext();
                var browser = context.createBrowser(context.createQueue(Destinations.READINGS))) {
            browser.getEnumeration();
            return HealthCheckResponse.up("broker");
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return HealthCheckResponse.named("broker")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
