package org.ledgerport.core.connector;

/** How an exported invoice was taken back at the vendor. */
public enum Withdrawal {
    /** Gone; its number can be used again. */
    DELETED,
    /** Kept there with zero amounts, marked void. */
    VOIDED
}
