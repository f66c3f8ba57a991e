package org.ledgerport.cli.internal;

/**
 * A command could not start its work: the database is not there, a connector is not installed, or what the
 * command names does not exist. The message says which, and what to do.
 */
final class CannotRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CannotRunException(String message) {
        super(message);
    }
}
