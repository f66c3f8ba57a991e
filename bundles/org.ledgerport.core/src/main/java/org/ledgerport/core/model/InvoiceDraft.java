package org.ledgerport.core.model;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The content of an invoice that a person or a billing system writes: everything but its id, status and
 * version, which the store keeps.
 */
public record InvoiceDraft(String number, long customerId, LocalDate issueDate, LocalDate dueDate,
        Currency currency, List<InvoiceLine> lines, List<Charge> charges, String memo, TaxMode taxMode) {

    public InvoiceDraft {
        lines = List.copyOf(lines);
        charges = charges == null ? List.of() : List.copyOf(charges);
        memo = memo == null ? "" : memo;
        taxMode = taxMode == null ? TaxMode.PER_LINE : taxMode;
        // Invoice checks the rest; building one here makes a bad draft fail where it is written.
        new Invoice(0, number, customerId, issueDate, dueDate, currency, lines, charges, memo, taxMode,
                InvoiceStatus.DRAFT, 0);
    }

    /** A draft with lines only: no charges, no memo, tax rounded per line. */
    public static InvoiceDraft of(String number, long customerId, LocalDate issueDate, LocalDate dueDate,
            Currency currency, List<InvoiceLine> lines) {
        return new InvoiceDraft(number, customerId, issueDate, dueDate, currency, lines, List.of(), "",
                TaxMode.PER_LINE);
    }

    /** The invoice this draft becomes with the given identity and state. */
    public Invoice toInvoice(long id, InvoiceStatus status, int version) {
        return new Invoice(id, number, customerId, issueDate, dueDate, currency, lines, charges, memo, taxMode,
                status, version);
    }
}
