package org.ledgerport.core.export;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one invoice stands at one connection: exported there (with the vendor's number), or the outcome of
 * the latest run that tried and did not export it (failed, not confirmed yet, skipped).
 *
 * @param externalNumber the vendor's invoice number when exported, else empty
 * @param at             when it was exported, or when the latest run that tried finished
 */
public record ExportState(long invoiceId, long connectionId, String connectionName, ExportOutcome outcome,
        String externalNumber, Instant at) {

    public ExportState {
        Objects.requireNonNull(connectionName, "connectionName");
        Objects.requireNonNull(outcome, "outcome");
        externalNumber = externalNumber == null ? "" : externalNumber;
    }
}
