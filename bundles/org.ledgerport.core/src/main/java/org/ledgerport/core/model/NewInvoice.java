package org.ledgerport.core.model;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** What it takes to write a new draft invoice; the store gives it its id, status and version. */
public record NewInvoice(String number, long customerId, LocalDate issueDate, LocalDate dueDate, Currency currency,
        List<InvoiceLine> lines, String memo) {

    public NewInvoice {
        lines = List.copyOf(lines);
    }

    /** The draft this becomes once stored with the given id. */
    public Invoice asDraft(long id) {
        return new Invoice(id, number, customerId, issueDate, dueDate, currency, lines, memo, InvoiceStatus.DRAFT, 1);
    }
}
