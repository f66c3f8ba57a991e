package org.ledgerport.core.store;

import java.util.List;
import java.util.Optional;

import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;

/**
 * Payments recorded here and their way to the vendor. Like the export journal, a payment is marked as being sent
 * (committed) before the request leaves, so a lost answer is followed up with the same idempotency key and the
 * payment never lands twice.
 */
public interface PaymentJournal {

    /** Records a payment, with the history entry, in the state {@code RECORDED}. */
    Payment record(PaymentDraft draft, String user, HistoryEntry entry);

    Optional<Payment> payment(long paymentId);

    /** The invoice's payments, oldest first. */
    List<Payment> payments(long invoiceId);

    /** The connection's payments not known to have arrived (recorded, or sent without an answer), oldest first. */
    List<Payment> unsent(long connectionId);

    /**
     * Marks the payment as being sent, before the request leaves; empty when it already arrived or another
     * workstation is sending it right now.
     */
    Optional<Payment> startSending(long paymentId);

    /** The vendor has the payment; with its history entry. */
    Payment sent(long paymentId, String externalId, HistoryEntry entry);

    /** The vendor refused it and kept nothing; with why. */
    Payment refused(long paymentId, String problem, HistoryEntry entry);

    /** No answer came: it stays being sent, with why, and is followed up with the same key. */
    Payment unconfirmed(long paymentId, String problem);
}
