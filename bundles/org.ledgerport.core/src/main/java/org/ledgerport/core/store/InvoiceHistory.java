package org.ledgerport.core.store;

import java.util.List;

import org.ledgerport.core.model.HistoryEntry;

/**
 * What happened to each invoice, oldest first. Entries are only ever added. The store adds the entries of its own
 * changes (finalized, exported, …) in the transaction that makes them.
 */
public interface InvoiceHistory {

    /** The invoice's history, oldest first. */
    List<HistoryEntry> history(long invoiceId);

    /** Adds entries in one transaction. */
    void record(List<HistoryEntry> entries);
}
