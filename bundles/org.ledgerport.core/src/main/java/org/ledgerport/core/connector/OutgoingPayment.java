package org.ledgerport.core.connector;

import java.time.LocalDate;
import java.util.Objects;

import org.ledgerport.core.model.Money;

/**
 * A payment as the engine hands it to a connector, to be applied to an exported invoice.
 *
 * @param invoice        the invoice at the vendor
 * @param customerExternalId the vendor's id of the invoice's customer, or empty when the vendor does not need it
 * @param depositAccount the vendor's code or id of the account the money went into
 * @param reference      the payment's reference as the bookkeeper entered it, or empty
 * @param idempotencyKey the same for every attempt at this payment, so the vendor records it once
 */
public record OutgoingPayment(ExternalInvoice invoice, String customerExternalId, Money amount, LocalDate date,
        String depositAccount, String reference, String idempotencyKey) {

    public OutgoingPayment {
        Objects.requireNonNull(invoice, "invoice");
        customerExternalId = customerExternalId == null ? "" : customerExternalId;
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(depositAccount, "depositAccount");
        reference = reference == null ? "" : reference;
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
