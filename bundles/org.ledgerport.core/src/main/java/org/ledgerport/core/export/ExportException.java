package org.ledgerport.core.export;

/** An export could not start at all (no such connection, its connector is not installed); nothing was sent. */
public final class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
