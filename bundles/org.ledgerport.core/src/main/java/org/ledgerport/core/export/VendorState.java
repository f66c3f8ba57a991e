package org.ledgerport.core.export;

import java.time.Instant;
import java.util.Objects;

import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.model.Money;

/**
 * An exported invoice's latest known state at one connection, as the last status refresh (or payment) found it.
 *
 * @param amountDue      what is still to be paid there, or null when the vendor did not say
 * @param changedAt      when it changed at the vendor
 * @param needsAttention the vendor voided or deleted it without Ledgerport asking: the user must decide what
 *                       happens here (nothing is changed for them)
 */
public record VendorState(long invoiceId, long connectionId, String connectionName, VendorStatus status,
        Money amountDue, Instant changedAt, boolean needsAttention) {

    public VendorState {
        Objects.requireNonNull(connectionName, "connectionName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
