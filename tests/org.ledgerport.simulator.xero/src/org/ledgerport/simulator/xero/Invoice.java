package org.ledgerport.simulator.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A sales invoice or bill as the organisation holds it.
 *
 * @param invoiceNumber null for a bill saved without one
 * @param dueDate null when none was given
 * @param fullyPaidOnDate the date of the payment that brought the amount due to zero, or null
 * @param createdByApp client id of the app that created it (Xero's createdByMyApp filter), null if a user did
 */
public record Invoice(UUID invoiceId, InvoiceType type, String invoiceNumber, String reference, UUID contactId,
        LocalDate date, LocalDate dueDate, InvoiceStatus status, LineAmountTypes lineAmountTypes,
        List<LineItem> lineItems, String currencyCode, BigDecimal subTotal, BigDecimal totalTax, BigDecimal total,
        List<Payment> payments, LocalDate fullyPaidOnDate, Instant updated, String createdByApp) {

    public Invoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(updated, "updated");
        lineItems = List.copyOf(lineItems);
        payments = List.copyOf(payments);
    }

    public BigDecimal amountPaid() {
        return payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** What is still owed; nothing once the invoice is voided or deleted. */
    public BigDecimal amountDue() {
        if (status == InvoiceStatus.VOIDED || status == InvoiceStatus.DELETED) {
            return BigDecimal.ZERO.setScale(2);
        }
        return total.subtract(amountPaid());
    }

    public Invoice withStatus(InvoiceStatus newStatus, Instant at) {
        return new Invoice(invoiceId, type, invoiceNumber, reference, contactId, date, dueDate, newStatus,
                lineAmountTypes, lineItems, currencyCode, subTotal, totalTax, total, payments, fullyPaidOnDate, at,
                createdByApp);
    }

    /** With one more payment; PAID, with the payment's date as FullyPaidOnDate, once nothing is due. */
    public Invoice withPayment(Payment payment, Instant at) {
        List<Payment> all = new ArrayList<>(payments);
        all.add(payment);
        boolean settled = total.subtract(amountPaid()).subtract(payment.amount()).signum() == 0;
        return new Invoice(invoiceId, type, invoiceNumber, reference, contactId, date, dueDate,
                settled ? InvoiceStatus.PAID : status, lineAmountTypes, lineItems, currencyCode, subTotal, totalTax,
                total, all, settled ? payment.date() : null, at, createdByApp);
    }

    /** Back to AUTHORISED with nothing paid, as when the Xero user removes the payments. */
    public Invoice withoutPayments(Instant at) {
        return new Invoice(invoiceId, type, invoiceNumber, reference, contactId, date, dueDate,
                InvoiceStatus.AUTHORISED, lineAmountTypes, lineItems, currencyCode, subTotal, totalTax, total,
                List.of(), null, at, createdByApp);
    }
}
