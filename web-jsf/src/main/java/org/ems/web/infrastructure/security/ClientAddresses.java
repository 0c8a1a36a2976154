package org.ems.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.platform.Cidr;

/**
 * Who a request comes from, for throttling and the security log: the TCP peer, unless that peer is one of the
 * reverse proxies in {@code ems.trusted-proxies} (CIDR list); then the nearest address in {@code X-Forwarded-For}
 * that is not itself a trusted proxy. A client cannot choose its address by sending the header to EMS directly.
 */
@ApplicationScoped
public class ClientAddresses {

    // Optional<List<String>> fails in Payara 6.2025 (see AllowedOrigins): split ourselves.
    @Inject
    @ConfigProperty(name = "ems.trusted-proxies")
    Optional<String> configured;

    private volatile List<Cidr> trusted;

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")), proxies());
    }

    static String of(String peer, List<String> forwardedFor, List<Cidr> proxies) {
        String client = peer;
        if (!trusts(proxies, client)) {
            return client;
        }
        // Each proxy appends the address it got the request from: read from the nearest backwards.
        List<String> hops = forwardedFor.stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0 && trusts(proxies, client); i--) {
            if (!Cidr.isAddress(hops.get(i))) {
                return client; // not an address: what came before it cannot be trusted either
            }
            client = hops.get(i);
        }
        return client;
    }

    private static boolean trusts(List<Cidr> proxies, String address) {
        return proxies.stream().anyMatch(proxy -> proxy.contains(address));
    }

    private List<Cidr> proxies() {
        List<Cidr> proxies = trusted;
        if (proxies == null) {
            proxies = Cidr.list(configured.orElse(""));
            trusted = proxies;
        }
        return proxies;
    }
}
