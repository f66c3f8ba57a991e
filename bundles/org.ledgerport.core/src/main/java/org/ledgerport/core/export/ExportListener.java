package org.ledgerport.core.export;

/**
 * Follows an export run as it goes, from the engine's thread. A UI hands results to its own thread; the
 * engine never waits on it.
 */
public interface ExportListener {

    ExportListener NONE = new ExportListener() {
    };

    /** The run started with this many invoices selected. */
    default void started(long runId, int invoices) {
    }

    /** One invoice has its result. */
    default void invoiceDone(InvoiceResult result) {
    }

    /** Asked between batches; a batch already sent is always confirmed before the run stops. */
    default boolean isCancelled() {
        return false;
    }
}
