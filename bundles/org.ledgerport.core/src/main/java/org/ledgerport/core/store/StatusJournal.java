package org.ledgerport.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.ExportJournal.ExportReference;

/**
 * What happens to exported invoices at the vendor afterwards: the status pulled back, and withdrawals. Every
 * method commits before it returns, with the history entries it is given in the same transaction.
 */
public interface StatusJournal {

    /** Up to when the connection's changes were pulled, or empty before the first pull. */
    Optional<Instant> lastPull(long connectionId);

    /**
     * The references of invoices exported to the connection, by the vendor's id, for the ids given; withdrawn
     * ones included (the vendor may report on an invoice after it was withdrawn).
     */
    Map<String, Reference> referencesByExternalId(long connectionId, Collection<String> externalIds);

    /** An invoice's reference at a connection, and whether it was withdrawn there. */
    record Reference(ExportReference reference, boolean withdrawn) {
    }

    /**
     * In one transaction: each update's vendor state is saved, its invoice moves through the given statuses (only
     * when still at the version it was read at; otherwise it keeps its status and its history says so), its
     * history entries are written, and the connection's pull mark moves to {@code pulledUpTo} (stays where it is when
     * that is null, for news that did not come from a pull).
     *
     * @return the invoices as they are afterwards, by id
     */
    Map<Long, Invoice> applyPull(long connectionId, List<VendorUpdate> updates, Instant pulledUpTo);

    /**
     * One invoice's news from the vendor.
     *
     * @param moves   the statuses to move through, in order (EXPORTED -> PAID -> CLOSED), or none
     * @param entries its history entries
     */
    record VendorUpdate(long invoiceId, int expectedVersion, VendorState state, List<InvoiceStatus> moves,
            List<HistoryEntry> entries) {

        public VendorUpdate {
            moves = List.copyOf(moves);
            entries = List.copyOf(entries);
        }
    }

    /** The invoices' latest vendor states, per connection, by invoice id; invoices with none are left out. */
    Map<Long, List<VendorState>> vendorStates(Collection<Long> invoiceIds);

    /** The invoices whose state at some connection needs the user's decision (voided or deleted there). */
    List<VendorState> needingAttention();

    /**
     * Records, with the history entry, that the invoice was taken back at the connection: its reference is kept,
     * marked withdrawn, and the invoice no longer counts as exported there.
     *
     * @param numberKept the vendor keeps the number taken (a voided invoice), so it is not sent again there
     */
    void withdrawn(long connectionId, long invoiceId, Withdrawal how, boolean numberKept, HistoryEntry entry);

    /** Which of these numbers the connection's vendor keeps for invoices withdrawn there by voiding. */
    Set<String> numbersKept(long connectionId, Collection<String> numbers);

    /**
     * Clears the vendor's "needs attention" mark once the user decided, with the history entry, and moves the
     * invoice (read at {@code expectedVersion}) to {@code target}: draft again, or void here too. Its reference at
     * the connection is marked withdrawn, since the vendor no longer has a live invoice.
     */
    Invoice resolve(long connectionId, long invoiceId, int expectedVersion, InvoiceStatus target, HistoryEntry entry);
}
