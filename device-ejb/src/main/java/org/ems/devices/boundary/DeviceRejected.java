package org.ems.devices.boundary;

import jakarta.ejb.ApplicationException;

/** A device operation refused for a reason the caller can fix; the transaction rolls back. */
@ApplicationException(rollback = true)
public class DeviceRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: the HTTP layer answers 404 or 400. */
    public enum Reason {
        NOT_FOUND,
        INVALID
    }

    private final Reason reason;

    public DeviceRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
