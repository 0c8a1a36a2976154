package org.ems.web.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /health/started}, an orchestrator's startup probe: UP once the application has finished starting (CDI's
 * Startup event), before which liveness and readiness are not worth asking.
 */
@org.eclipse.microprofile.health.Startup
@ApplicationScoped
public class Started implements HealthCheck {

    private volatile boolean started;

    void started(@Observes Startup startup) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ems").status(started).build();
    }
}
