package org.ledgerport.core.model;

/** The kinds of charge an invoice can carry on its header. */
public enum ChargeKind {
    FREIGHT("Freight"),
    HANDLING("Handling"),
    DISCOUNT("Discount");

    private final String label;

    ChargeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
