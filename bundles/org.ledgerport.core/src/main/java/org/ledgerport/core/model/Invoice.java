package org.ledgerport.core.model;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An invoice as stored: its header, lines, header charges and where it is in its life. {@code version}
 * counts the saved changes, so that two people editing the same invoice cannot overwrite each other
 * unnoticed, and so that an export can say exactly which content it sent.
 */
public record Invoice(long id, String number, long customerId, LocalDate issueDate, LocalDate dueDate,
        Currency currency, List<InvoiceLine> lines, List<Charge> charges, String memo, TaxMode taxMode,
        InvoiceStatus status, int version) {

    /** Longest local invoice number; both packages accept at least this many characters. */
    public static final int MAX_NUMBER_LENGTH = 21;

    public Invoice {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("An invoice needs a number");
        }
        number = number.strip();
        if (number.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException("Invoice number %s is longer than %d characters"
                    .formatted(number, MAX_NUMBER_LENGTH));
        }
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        charges = charges == null ? List.of() : List.copyOf(charges);
        memo = memo == null ? "" : memo;
        taxMode = taxMode == null ? TaxMode.PER_LINE : taxMode;
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException(
                    "Invoice %s is due (%s) before it is issued (%s)".formatted(number, dueDate, issueDate));
        }
        for (InvoiceLine line : lines) {
            requireCurrency(number, currency, line.unitPrice());
        }
        for (Charge charge : charges) {
            requireCurrency(number, currency, charge.amount());
        }
    }

    private static void requireCurrency(String number, Currency currency, Money money) {
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException("Invoice %s is in %s but has an amount in %s".formatted(number,
                    currency.getCurrencyCode(), money.currency().getCurrencyCode()));
        }
    }

    /** The content of this invoice, as an editor starts from it. */
    public InvoiceDraft draft() {
        return new InvoiceDraft(number, customerId, issueDate, dueDate, currency, lines, charges, memo, taxMode);
    }

    /** The invoice in another status, one version on. */
    public Invoice withStatus(InvoiceStatus newStatus) {
        return new Invoice(id, number, customerId, issueDate, dueDate, currency, lines, charges, memo, taxMode,
                newStatus, version + 1);
    }

    /** The sum of the lines and charges before tax. */
    public Money net() {
        Money lineSum = lines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::add);
        return charges.stream().map(Charge::signedAmount).reduce(lineSum, Money::add);
    }
}
