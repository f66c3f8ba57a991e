package org.ledgerport.core.export;

import java.util.List;

import org.ledgerport.core.model.Invoice;

/**
 * Exports finalized invoices to a connection exactly once. Everything here may take long and touch the
 * network: call it from a background job, never from the UI thread.
 */
public interface ExportService {

    /** The finalized invoices not yet exported to the connection, oldest first. */
    List<Invoice> ready(long connectionId);

    /** Checks the invoices (all ready ones when empty) with no network call beyond cached reference data. */
    Preflight check(long connectionId, List<Long> invoiceIds);

    /**
     * Runs an export: checks the selection, matches customers and items, journals each attempt before it is
     * sent and records each confirmation with the invoice's status change. Never throws for a single
     * invoice's failure; those are results.
     */
    RunSummary export(ExportRequest request, ExportListener listener);

    /**
     * Settles every attempt on the connection that may have reached the vendor without a confirmation, by
     * looking it up there; returns the results of the attempts it settled.
     */
    List<InvoiceResult> reconcile(long connectionId);
}
