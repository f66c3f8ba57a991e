package org.ledgerport.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to an invoice, as its history shows it.
 *
 * @param at     when it happened: at the vendor for what came from there, else here
 * @param source where it happened: "Ledgerport", or the accounting package and connection
 * @param user   who did it here, or empty for what came from the vendor
 * @param text   what happened, in a bookkeeper's words
 */
public record HistoryEntry(long invoiceId, Instant at, Kind kind, String source, String user, String text) {

    /** Where the history shows things from Ledgerport itself. */
    public static final String LEDGERPORT = "Ledgerport";

    /** What kind of thing happened. */
    public enum Kind {
        STATUS_CHANGED, EXPORTED, VENDOR_STATUS, VENDOR_PROBLEM, PROBLEM_RESOLVED, PAYMENT_RECORDED, PAYMENT_SENT,
        WITHDRAWN, REVERTED
    }

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        user = user == null ? "" : user;
        Objects.requireNonNull(text, "text");
    }
}
