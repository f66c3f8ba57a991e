package org.ledgerport.core.connector;

import java.util.Objects;

/**
 * A payment as it exists at the vendor, applied to an invoice.
 *
 * @param externalId the vendor's id of the payment
 * @param invoice    the invoice's state there after the payment, as a status change
 */
public record ExternalPayment(String externalId, StatusChange invoice) {

    public ExternalPayment {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(invoice, "invoice");
    }
}
