package org.ems.web.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.access.Roles;
import org.ems.contracts.meter.MeterLogins;
import org.ems.devices.application.MeterCredentials;

/**
 * Who may post readings over HTTP: a meter with its own credential (its device id and password, checked as the broker
 * checks them, {@link MeterLogins}) or the gateway account, as long as the broker lets it in ({@code ems.gateway.*},
 * which the launcher sets only while the gateway is on).
 */
@ApplicationScoped
public class MeterSignIns {

    @Inject
    MeterCredentials credentials;

    @Inject
    SecurityEvents events;

    @Inject
    ClientAddresses addresses;

    @Inject
    @ConfigProperty(name = "ems.gateway.user")
    Optional<String> gatewayUser;

    @Inject
    @ConfigProperty(name = "ems.gateway.password")
    Optional<String> gatewayPassword;

    private MeterLogins meters;

    @PostConstruct
    void start() {
        meters = new MeterLogins(
                credentials::storedHash,
                gatewayUser.flatMap(user -> gatewayPassword.map(password -> new MeterLogins.Gateway(user, password))));
    }

    /**
     * A request to {@code POST /api/readings}: signed in as the meter ({@code METER}) when it presents a meter's or
     * the gateway's account, else a 401 asking for HTTP Basic.
     */
    AuthenticationStatus authenticate(
            HttpServletRequest request, HttpMessageContext context, Credentials.Credential credential) {
        // A meter posting again within half a second is trusted without reading its hash again.
        if (credential instanceof Credentials.Meter meter && meters.admits(meter.username(), meter.password(), true)) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(meter.username()), Set.of(Roles.METER));
        }
        events.record(
                SecurityEvents.Event.CREDENTIAL_REFUSED,
                credential instanceof Credentials.Meter meter ? meter.username() : null,
                addresses.of(request),
                "meter credential");
        context.getResponse().setHeader("WWW-Authenticate", "Basic realm=\"EMS meters\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }
}
