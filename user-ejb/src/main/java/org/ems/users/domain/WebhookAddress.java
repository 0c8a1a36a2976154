package org.ems.users.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point: an {@code https} URL ({@code http} only when allowed) of a host whose every address is
 * public; loopback, link-local, private (site-local, unique-local), wildcard and multicast ones only when allowed. The
 * host is checked when the hook is saved and again before each delivery (its name may resolve elsewhere by then).
 */
public record WebhookAddress(boolean allowHttp, boolean allowPrivate) {

    /** Why the URL may not be a hook's; empty when it may. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return Optional.of("url must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "url must be an http or https URL" : "url must be an https URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            return Optional.of("url must name a host, without user or fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("url must not point to a loopback, link-local or private address ("
                            + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("url's host " + uri.getHost() + " is not known");
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        byte[] ip = address.getAddress();
        boolean uniqueLocalV6 = ip.length == 16 && (ip[0] & 0xfe) == 0xfc; // fc00::/7
        boolean sharedV4 = ip.length == 4 && (ip[0] & 0xff) == 100 && (ip[1] & 0xc0) == 64; // 100.64/10 (CGNAT)
        return address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocalV6
                || sharedV4;
    }
}
