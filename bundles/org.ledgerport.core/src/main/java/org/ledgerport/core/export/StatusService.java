package org.ledgerport.core.export;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.ledgerport.core.model.Invoice;

/**
 * Brings back what happened to exported invoices at the vendor: paid in full (the invoice becomes paid, then
 * closed), partly paid (the amount still due is shown), approved, voided or deleted there (flagged for the user to
 * decide; never changed silently). Every change is written into the invoice's history with its time and source.
 * Calls may take long and touch the network: call them from a background job.
 */
public interface StatusService {

    /**
     * Pulls the connection's changes since its last pull and applies them; needs the exporter role.
     *
     * @throws ExportException when the package could not be asked, with what to do
     */
    StatusRefresh refresh(long connectionId, String user);

    /** The invoices' latest states at each connection, by invoice id. */
    Map<Long, List<VendorState>> vendorStates(Collection<Long> invoiceIds);

    /** Every invoice the vendor voided or deleted without being asked, waiting for a decision. */
    List<VendorState> needingAttention();

    /**
     * Settles an invoice the vendor voided or deleted on its own; needs the owner role. {@code VOID} voids it here
     * too; {@code DRAFT} makes it a draft again, to be corrected and exported anew.
     */
    Invoice resolve(long invoiceId, int expectedVersion, long connectionId, Resolution resolution, String user);

    /** What a user decides about an invoice the vendor voided or deleted. */
    enum Resolution {
        DRAFT, VOID
    }
}
