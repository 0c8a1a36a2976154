package org.ems.monitoring.infrastructure.persistence;

/** The database could not do what monitoring asked: the transaction rolls back and the message is redelivered. */
public class PersistenceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PersistenceFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
