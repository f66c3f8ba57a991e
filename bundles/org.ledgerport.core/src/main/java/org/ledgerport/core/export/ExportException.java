package org.ledgerport.core.export;

import java.util.Optional;

import org.ledgerport.core.model.Problem;

/**
 * Work on a connection could not start or could not reach the package at all (no such connection, its connector
 * is not installed, the package cannot be reached); nothing was changed there.
 */
public final class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ExportException(String message) {
        super(message);
        this.problem = null;
    }

    /** The package's own problem, so that the workstation can offer its remedy (reconnect, …). */
    public ExportException(Problem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }
}
