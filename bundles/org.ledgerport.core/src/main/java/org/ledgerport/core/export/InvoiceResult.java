package org.ledgerport.core.export;

import java.util.List;
import java.util.Objects;

import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.model.Problem;

/**
 * One invoice's result in an export run.
 *
 * @param external where the invoice is at the vendor, or null when it is not there
 */
public record InvoiceResult(long invoiceId, String invoiceNumber, ExportOutcome outcome, ExternalInvoice external,
        List<Problem> problems) {

    public InvoiceResult {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(outcome, "outcome");
        problems = List.copyOf(problems);
    }

    /** The first problem's message, or empty. */
    public String reason() {
        return problems.isEmpty() ? "" : problems.get(0).message();
    }
}
