package org.ems.web.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ems.contracts.access.ImportRefused;
import org.ems.contracts.access.Rejected;

/**
 * An RFC 9457 problem: every error of the API is one of these, as {@code application/problem+json}.
 *
 * @param status the HTTP status
 * @param title the status' short description
 * @param detail what went wrong, for a person
 * @param errors for invalid input, each field and what is wrong with it (absent otherwise)
 * @param rows for a refused import, each bad row's field and what is wrong with it (absent otherwise)
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        List<Rejected.FieldError> errors,
        List<ImportRefused.RowError> rows) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    /** A 400 listing the invalid fields; the detail says all of it in one line. */
    public static Problem invalid(List<Rejected.FieldError> errors) {
        List<Rejected.FieldError> sorted = errors.stream()
                .sorted(java.util.Comparator.comparing(Rejected.FieldError::field)
                        .thenComparing(Rejected.FieldError::message))
                .toList();
        String detail = String.join(
                "; ", sorted.stream().map(Rejected.FieldError::message).toList());
        Response.Status status = Response.Status.BAD_REQUEST;
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, sorted, null);
    }

    /** A 422: the file was read, and these rows are wrong (each listed, by row and field); nothing was applied. */
    public static Problem rows(List<ImportRefused.RowError> rows) {
        String detail = rows.size() + " row(s) refused, nothing applied; the first: row "
                + rows.get(0).row() + ": " + rows.get(0).message();
        return new Problem("about:blank", "Unprocessable Content", 422, detail, null, rows);
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
