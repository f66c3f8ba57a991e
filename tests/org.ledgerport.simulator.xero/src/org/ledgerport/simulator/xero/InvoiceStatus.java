package org.ledgerport.simulator.xero;

/** An invoice's status; PAID, VOIDED and DELETED are outcomes, never edited again. */
public enum InvoiceStatus {
    DRAFT, SUBMITTED, AUTHORISED, PAID, VOIDED, DELETED;

    public boolean terminal() {
        return this == PAID || this == VOIDED || this == DELETED;
    }
}
