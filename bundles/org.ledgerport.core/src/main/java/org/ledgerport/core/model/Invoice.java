package org.ledgerport.core.model;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An invoice as stored: its header, its lines and where it is in its life. {@code version} counts the saved
 * changes, so that two people editing the same invoice cannot overwrite each other unnoticed.
 */
public record Invoice(long id, String number, long customerId, LocalDate issueDate, LocalDate dueDate,
        Currency currency, List<InvoiceLine> lines, String memo, InvoiceStatus status, int version) {

    public Invoice {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        memo = memo == null ? "" : memo;
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException(
                    "Invoice %s is due (%s) before it is issued (%s)".formatted(number, dueDate, issueDate));
        }
        for (InvoiceLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("Invoice %s is in %s but a line is priced in %s".formatted(number,
                        currency.getCurrencyCode(), line.unitPrice().currency().getCurrencyCode()));
            }
        }
    }

    public Money total() {
        return lines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::add);
    }
}
