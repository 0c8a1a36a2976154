package org.ems.contracts.platform;

/**
 * The database could not do what a module asked: the transaction rolls back (a reading's message is redelivered). Its
 * cause is the driver's {@code SQLException}, whose SQLSTATE tells refused data from a database that is away.
 */
public class PersistenceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PersistenceFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
