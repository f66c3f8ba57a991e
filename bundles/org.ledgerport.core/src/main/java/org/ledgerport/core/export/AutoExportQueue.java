package org.ledgerport.core.export;

import java.util.List;

/**
 * Exports invoices on their own as they are finalized, for connections set to do so
 * ({@link org.ledgerport.core.model.Connection#EXPORT_ON_FINALIZE}). While the package cannot be reached, the
 * invoices wait in the queue and are tried again with growing pauses.
 */
public interface AutoExportQueue {

    /** The connection's invoices waiting to be exported on their own, oldest first. */
    List<QueuedExport> queued(long connectionId);

    /** Tries the connection's queue now instead of at its next turn. */
    void retryNow(long connectionId);
}
