package org.ems.contracts.reading;

/** A reading message that can never be applied; its message is the reason given to the dead-letter queue. */
public class InvalidReadingException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidReadingException(String reason) {
        super(reason);
    }
}
