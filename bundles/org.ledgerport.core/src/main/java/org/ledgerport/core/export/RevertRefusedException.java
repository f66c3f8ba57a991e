package org.ledgerport.core.export;

import java.util.Objects;

import org.ledgerport.core.model.Problem;

/** A vendor refused to withdraw the invoice; the problem says why and what the user must do there first. */
public final class RevertRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public RevertRefusedException(Problem problem) {
        super(problem.message());
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
