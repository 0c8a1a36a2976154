package org.ems.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem: every error of the API is one of these, as {@code application/problem+json}.
 *
 * @param status the HTTP status
 * @param title the status' short description
 * @param detail what went wrong, for a person
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** An exception that answers with this problem. */
    public WebApplicationException asException() {
        return new WebApplicationException(detail, toResponse());
    }

    public static WebApplicationException badRequest(String detail) {
        return of(Response.Status.BAD_REQUEST, detail).asException();
    }

    public static WebApplicationException notFound(String detail) {
        return of(Response.Status.NOT_FOUND, detail).asException();
    }
}
