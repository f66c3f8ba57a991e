package org.ledgerport.core.export;

import java.time.Instant;

/**
 * An invoice waiting to be exported on its own.
 *
 * @param attempts    how many times it was tried
 * @param nextTry     when it is tried next
 * @param lastProblem why the last try did not export it, or empty before the first
 */
public record QueuedExport(long invoiceId, String invoiceNumber, int attempts, Instant nextTry,
        String lastProblem) {

    public QueuedExport {
        lastProblem = lastProblem == null ? "" : lastProblem;
    }
}
