package org.ledgerport.core.model;

/** Who numbers exported invoices, chosen per connection. */
public enum NumberingPolicy {
    /** The accounting package numbers each invoice; its number and date are written back here. */
    VENDOR_ASSIGNS("The accounting package numbers invoices"),
    /** Our invoice numbers are sent and must be unique in the accounting package. */
    OURS("Ledgerport's invoice numbers are used");

    private final String label;

    NumberingPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
