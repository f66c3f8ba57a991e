package org.ledgerport.core.model;

import java.time.LocalDate;

/** One row of the invoice list: the header facts and the net amount, without the lines. */
public record InvoiceSummary(long id, String number, String customerName, LocalDate issueDate, LocalDate dueDate,
        Money net, InvoiceStatus status) {
}
