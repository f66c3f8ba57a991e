package org.ledgerport.core.connector;

/** An exported invoice's state at the vendor, in the vendors' common terms. */
public enum VendorStatus {
    DRAFT, SUBMITTED, APPROVED, PARTLY_PAID, PAID, VOIDED, DELETED
}
