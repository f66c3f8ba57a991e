package org.ledgerport.core.connector;

import java.time.Instant;

import org.ledgerport.core.model.Money;

/**
 * An exported invoice changed at the vendor.
 *
 * @param amountDue what is still to be paid, or null when the vendor did not say
 */
public record StatusChange(String externalId, String ourReference, VendorStatus status, Money amountDue,
        Instant changedAt) {
}
