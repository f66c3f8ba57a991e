package org.ledgerport.core.connector;

import java.util.Objects;

import org.ledgerport.core.model.Problem;

/**
 * A connector call failed as a whole.
 *
 * {@link #mayHaveReachedVendor()} is the flag the exactly-once rule depends on: a timeout or a lost response
 * after the request left may mean the vendor did the work, so the engine looks before it sends again.
 */
public final class ConnectorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final boolean mayHaveReachedVendor;

    public ConnectorException(Problem problem, boolean mayHaveReachedVendor, Throwable cause) {
        super(problem.message(), cause);
        this.problem = Objects.requireNonNull(problem);
        this.mayHaveReachedVendor = mayHaveReachedVendor;
    }

    public ConnectorException(Problem problem) {
        this(problem, false, null);
    }

    public Problem problem() {
        return problem;
    }

    public boolean mayHaveReachedVendor() {
        return mayHaveReachedVendor;
    }
}
