package org.ems.users.domain;

import java.net.URI;
import java.util.Map;

/** Makes the POST of a webhook delivery. */
public interface WebhookPoster {

    /** POSTs the JSON body with these headers; the answer's status code. */
    int post(URI url, Map<String, String> headers, String body) throws Unreachable;

    /** No answer: refused, timed out, or an address a hook may not reach. */
    final class Unreachable extends Exception {

        private static final long serialVersionUID = 1L;

        public Unreachable(String reason) {
            super(reason);
        }
    }
}
