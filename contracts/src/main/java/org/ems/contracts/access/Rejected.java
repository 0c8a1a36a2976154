package org.ems.contracts.access;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An operation refused for a reason the caller can fix; the transaction rolls back. Every module refuses with this
 * one shape, and the web layer answers it in one place (404, 409, or 400 listing each field).
 */
@ApplicationException(rollback = true)
public class Rejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: not found (404), in conflict with what exists (409), or invalid input (400). */
    public enum Reason {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    /** One invalid field and what is wrong with it, in words for a person. */
    public record FieldError(String field, String message) implements java.io.Serializable {}

    private final Reason reason;
    private final List<FieldError> errors;

    private Rejected(Reason reason, String message, List<FieldError> errors) {
        super(message);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    public static Rejected notFound(String message) {
        return new Rejected(Reason.NOT_FOUND, message, List.of());
    }

    public static Rejected conflict(String message) {
        return new Rejected(Reason.CONFLICT, message, List.of());
    }

    /** Invalid input in one field; {@code message} names the field, so it reads alone too. */
    public static Rejected invalid(String field, String message) {
        return new Rejected(Reason.INVALID, message, List.of(new FieldError(field, message)));
    }

    /** Invalid input in each of these fields (at least one). */
    public static Rejected invalid(List<FieldError> errors) {
        return new Rejected(
                Reason.INVALID,
                String.join("; ", errors.stream().map(FieldError::message).toList()),
                errors);
    }

    public Reason reason() {
        return reason;
    }

    /** The invalid fields (empty unless {@link Reason#INVALID}). */
    public List<FieldError> errors() {
        return errors;
    }
}
