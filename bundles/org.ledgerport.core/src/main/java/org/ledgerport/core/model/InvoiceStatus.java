package org.ledgerport.core.model;

/** Where an invoice is in its life, in the order a bookkeeper moves it along. */
public enum InvoiceStatus {
    /** Being written; may still change. */
    DRAFT("Draft"),
    /** Prepared and approved: ready to be exported. */
    FINALIZED("Finalized"),
    /** Posted to the accounting package; read-only here. */
    EXPORTED("Exported"),
    /** The accounting package reports it paid in full. */
    PAID("Paid"),
    /** Paid and done with. */
    CLOSED("Closed"),
    /** Cancelled; kept for the record. */
    VOID("Void");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    /** The word a bookkeeper sees. */
    public String label() {
        return label;
    }
}
