package org.ems.users.boundary;

import jakarta.ejb.ApplicationException;

/** A user operation refused for a reason the caller can fix; the transaction rolls back. */
@ApplicationException(rollback = true)
public class UserRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: the HTTP layer answers 404, 409 or 400. */
    public enum Reason {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Reason reason;

    public UserRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
