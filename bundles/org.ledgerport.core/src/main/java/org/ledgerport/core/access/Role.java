package org.ledgerport.core.access;

/** A user's local role; each one may do everything the roles before it may. */
public enum Role {
    /** Prepares and finalizes invoices. */
    BILLER("Biller"),
    /** Also exports invoices, refreshes their status and records payments. */
    EXPORTER("Exporter"),
    /** Also reverts exported invoices and manages connections and roles. */
    OWNER("Owner");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The word a bookkeeper sees. */
    public String label() {
        return label;
    }

    /** Whether this role may do what the other role may. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
