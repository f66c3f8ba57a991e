package org.ledgerport.core.model;

/**
 * Where tax is rounded. The two give different totals by a cent now and then, and the accounting package must
 * be told the same rule or it recomputes the tax its own way.
 */
public enum TaxMode {
    /** Tax is computed and rounded on every line, then added up. */
    PER_LINE("Rounded per line"),
    /** Lines are added up per tax code and the tax is computed and rounded once per code. */
    PER_DOCUMENT("Rounded per invoice");

    private final String label;

    TaxMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
