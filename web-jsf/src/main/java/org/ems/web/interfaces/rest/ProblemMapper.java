package org.ems.web.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ems.contracts.access.ImportRefused;
import org.ems.contracts.access.Rejected;

/**
 * Turns every exception of the API into problem JSON. A client's mistake is a 4xx with a reason; anything else is a
 * 500 whose detail is only an incident id: the stack trace goes to the log, never to the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimit.TooLarge) {
                return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, cause.getMessage())
                        .toResponse();
            }
        }
        if (exception instanceof WebApplicationException web) {
            Response response = web.getResponse();
            if (response.getEntity() instanceof Problem) {
                return response;
            }
            Response.StatusType status = response.getStatusInfo();
            String detail = status.getFamily() == Response.Status.Family.SERVER_ERROR
                    ? incident(exception)
                    : clientDetail(status, web);
            return Problem.of(status, detail).toResponse();
        }
        if (exception instanceof jakarta.ejb.EJBException ejb && ejb.getCause() != null) {
            return toResponse(ejb.getCause());
        }
        if (exception instanceof ImportRefused refused) {
            return Problem.rows(refused.rows()).toResponse();
        }
        if (exception instanceof Rejected rejected) {
            return switch (rejected.reason()) {
                case NOT_FOUND ->
                    Problem.of(Response.Status.NOT_FOUND, rejected.getMessage()).toResponse();
                case CONFLICT ->
                    Problem.of(Response.Status.CONFLICT, rejected.getMessage()).toResponse();
                case INVALID -> Problem.invalid(rejected.errors()).toResponse();
            };
        }
        if (exception instanceof ConstraintViolationException invalid) {
            return invalid(invalid).toResponse();
        }
        if (exception instanceof JsonbException || exception instanceof ProcessingException) {
            return Problem.of(Response.Status.BAD_REQUEST, "request body is not valid JSON of the expected shape")
                    .toResponse();
        }
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, incident(exception))
                .toResponse();
    }

    /** Bean Validation's violations as the problem of invalid input, each field with its message. */
    static Problem invalid(ConstraintViolationException exception) {
        return Problem.invalid(exception.getConstraintViolations().stream()
                .map(v -> new Rejected.FieldError(field(v.getPropertyPath()), v.getMessage()))
                .toList());
    }

    /**
     * The field of a violation: the properties of its path, as the request's JSON names them ({@code create.request.name}
     * is {@code name}, a nested one {@code monthlyBudget.kwh}).
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY && node.getName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }

    private static String clientDetail(Response.StatusType status, WebApplicationException web) {
        // Framework messages such as "HTTP 404 Not Found" say nothing new; keep ours.
        String message = web.getMessage();
        return message == null || message.startsWith("HTTP ") ? status.getReasonPhrase() : message;
    }

    /** Logs the failure under a new incident id; the words a client gets instead of it. */
    static String incident(Throwable exception) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + id, exception);
        return "internal error, incident " + id;
    }
}
