package org.ems.web.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 1 MiB with 413 before they are parsed: at once when the request says its length, else
 * as soon as reading passes the limit (a chunked body). No request of the API needs a tenth of it.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 1 << 20;

    static final String DETAIL = "the request body exceeds the limit of " + MAX_BYTES + " bytes";

    /**
     * How much of a refused body is read and thrown away (never kept), so that a client still sending it gets the
     * answer rather than a closed connection. The HTTP listener refuses larger bodies itself (2 MB).
     */
    private static final long DISCARDED_AT_MOST = 2L << 20;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            discard(request.getEntityStream());
            request.abortWith(
                    Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, DETAIL).toResponse());
        } else if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    private static void discard(InputStream body) {
        try {
            long skipped = 0;
            byte[] sink = new byte[8192];
            for (int n; skipped < DISCARDED_AT_MOST && (n = body.read(sink)) > 0; ) {
                skipped += n;
            }
        } catch (IOException gone) {
            // the client went away: nothing to answer
        }
    }

    /** Thrown by the body's stream past the limit; {@link ProblemMapper} answers 413 however the reader wraps it. */
    static class TooLarge extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(DETAIL);
        }
    }

    private static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                discard(in);
                throw new TooLarge();
            }
        }
    }
}
