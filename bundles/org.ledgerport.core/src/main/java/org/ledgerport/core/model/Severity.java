package org.ledgerport.core.model;

/** How bad a problem is. */
public enum Severity {
    /** The invoice was not exported. */
    ERROR("Error"),
    /** The invoice went through, but someone should look. */
    WARNING("Warning"),
    /** For the record. */
    INFO("Information");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
