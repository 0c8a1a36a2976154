package org.ems.web.interfaces.rest;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Invalid input found by Bean Validation, as problem JSON listing each field. Needed beside {@link ProblemMapper}:
 * Jersey's own mapper of {@code ValidationException} is closer to this exception than a mapper of {@code Throwable}
 * (it would answer a bare 400).
 */
@Provider
public class ViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return ProblemMapper.invalid(exception).toResponse();
    }
}
