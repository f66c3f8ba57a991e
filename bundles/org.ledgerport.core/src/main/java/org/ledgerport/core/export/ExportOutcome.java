package org.ledgerport.core.export;

/** What an export did with one invoice. */
public enum ExportOutcome {
    /** The accounting package has it now (perhaps with warnings). */
    EXPORTED("Exported"),
    /** It was not exported; the problems say why and whether trying again can help. */
    FAILED("Failed"),
    /** It was left alone: not ready, already exported, or being exported elsewhere. */
    SKIPPED("Skipped"),
    /**
     * It may have reached the accounting package and that could not be checked yet; it is checked there
     * before it is ever sent again.
     */
    UNCONFIRMED("Not confirmed yet"),
    /** A dry run checked it and would send it. */
    CHECKED("Checked");

    private final String label;

    ExportOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
