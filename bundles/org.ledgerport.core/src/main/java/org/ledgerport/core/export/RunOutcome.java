package org.ledgerport.core.export;

/** How an export run ended. */
public enum RunOutcome {
    RUNNING("Running"),
    /** Every invoice was exported or skipped. */
    COMPLETED("Completed"),
    /** Done, but some invoices failed or are not confirmed. */
    COMPLETED_WITH_PROBLEMS("Completed with problems"),
    /** Stopped by the user; what was sent before is recorded. */
    CANCELLED("Cancelled"),
    /** Stopped by an error before it could finish. */
    FAILED("Failed"),
    /** A dry run: checked, nothing sent. */
    DRY_RUN("Dry run");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
