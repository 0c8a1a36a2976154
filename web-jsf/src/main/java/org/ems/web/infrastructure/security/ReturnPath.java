package org.ems.web.infrastructure.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a page may send a person after signing in: only a path of this application. {@code //host}, {@code /\host},
 * any scheme, control characters, and each of these percent-encoded (once or more) are refused, so that the sign-in
 * never becomes a redirect to another site.
 */
final class ReturnPath {

    private ReturnPath() {}

    static Optional<String> of(String contextPath, String target) {
        if (target == null) {
            return Optional.empty();
        }
        String form = target;
        for (int decodings = 0; decodings < 4; decodings++) {
            if (!local(contextPath, form)) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(form, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            if (decoded.equals(form)) {
                return Optional.of(target);
            }
            form = decoded;
        }
        return Optional.empty(); // encoded over and over: no page of ours looks like that
    }

    private static boolean local(String contextPath, String path) {
        String root = contextPath + "/";
        return path.startsWith(root)
                && !path.startsWith("//")
                && !path.startsWith(root + "/")
                && path.indexOf('\\') < 0
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
