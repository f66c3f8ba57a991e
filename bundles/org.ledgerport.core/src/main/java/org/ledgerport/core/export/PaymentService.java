package org.ledgerport.core.export;

import java.util.List;

import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;

/**
 * Payments recorded here against exported invoices, sent to the vendor and applied to the invoice there through a
 * journal, so each lands exactly once; the invoice's paid or partly paid state then follows from the vendor's
 * balance. Needs the exporter role. Calls touch the network: call them from a background job.
 */
public interface PaymentService {

    /**
     * Records the payment and sends it.
     *
     * @return the payment as it is afterwards: sent, refused with why, or not confirmed (followed up by
     *         {@link #sendPending})
     * @throws IllegalArgumentException when the payment cannot be recorded (not exported there, nothing due,
     *                                  more than is due), with why
     */
    Payment record(PaymentDraft draft, String user);

    /** Sends the connection's payments that are not known to have arrived, each with its own key again. */
    List<Payment> sendPending(long connectionId, String user);

    /** The invoice's payments, oldest first. */
    List<Payment> payments(long invoiceId);
}
