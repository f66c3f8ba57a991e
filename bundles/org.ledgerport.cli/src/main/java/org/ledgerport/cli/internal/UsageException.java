package org.ledgerport.cli.internal;

/** The command line is wrong; the message says what is wrong with it, the command's usage says what is right. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
