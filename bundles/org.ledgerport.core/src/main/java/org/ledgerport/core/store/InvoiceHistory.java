package org.ledgerport.core.store;

import java.util.List;

import org.ledgerport.core.model.HistoryEntry;

/**
 * What happened to each invoice, in the order Ledgerport learned of it. Entries are only ever added. The store adds the entries of its own
 * changes (finalized, exported, …) in the transaction that makes them.
 */
public interface InvoiceHistory {

    /**
     * The invoice's history in the order Ledgerport learned of it: a package's change shows the package's time,
     * which may read a little before what it follows here.
     */
    List<HistoryEntry> history(long invoiceId);

    /** Adds entries in one transaction. */
    void record(List<HistoryEntry> entries);
}
