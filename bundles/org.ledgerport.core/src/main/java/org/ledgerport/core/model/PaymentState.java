package org.ledgerport.core.model;

/** How far a payment recorded here got towards the accounting package. */
public enum PaymentState {
    /** Recorded here, not sent yet. */
    RECORDED("Recorded"),
    /** Sent, with no answer yet: sent again only with the same idempotency key, which the vendor answers once. */
    SENDING("Not confirmed"),
    /** The accounting package has it, applied to the invoice. */
    SENT("In the accounting package"),
    /** The accounting package refused it; nothing arrived there. */
    FAILED("Refused");

    private final String label;

    PaymentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
