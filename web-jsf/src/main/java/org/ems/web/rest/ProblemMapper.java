package org.ems.web.rest;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ems.devices.boundary.DeviceRejected;
import org.ems.users.boundary.UserRejected;

/**
 * Turns every exception of the API into problem JSON. A client's mistake is a 4xx with a reason; anything else is a
 * 500 whose detail is only an incident id: the stack trace goes to the log, never to the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
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
        if (exception instanceof UserRejected rejected) {
            return Problem.of(switch (rejected.reason()) {
                case NOT_FOUND -> Response.Status.NOT_FOUND;
                case CONFLICT -> Response.Status.CONFLICT;
                case INVALID -> Response.Status.BAD_REQUEST;
            }, rejected.getMessage()).toResponse();
        }
        if (exception instanceof DeviceRejected rejected) {
            return Problem.of(rejected.reason() == DeviceRejected.Reason.NOT_FOUND
                    ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST, rejected.getMessage()).toResponse();
        }
        if (exception instanceof ConstraintViolationException invalid) {
            return Problem.of(Response.Status.BAD_REQUEST, invalid.getConstraintViolations().stream()
                            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")))
                    .toResponse();
        }
        if (exception instanceof JsonbException || exception instanceof ProcessingException) {
            return Problem.of(Response.Status.BAD_REQUEST, "request body is not valid JSON of the expected shape")
                    .toResponse();
        }
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, incident(exception)).toResponse();
    }

    private static String clientDetail(Response.StatusType status, WebApplicationException web) {
        // Framework messages such as "HTTP 404 Not Found" say nothing new; keep ours.
        String message = web.getMessage();
        return message == null || message.startsWith("HTTP ") ? status.getReasonPhrase() : message;
    }

    private static String incident(Throwable exception) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + id, exception);
        return "internal error, incident " + id;
    }
}
