package org.ledgerport.core.export;

import org.ledgerport.core.model.Invoice;

/**
 * Takes an exported invoice back to draft, so it can be corrected and exported again: it is withdrawn at every
 * connection it was exported to first, by the vendor's rules, and becomes a draft only once each vendor confirmed.
 * Needs the owner role. Calls touch the network: call them from a background job.
 */
public interface RevisionService {

    /**
     * Says what reverting would do at each connection, reading the invoice there and changing nothing; a vendor
     * that would refuse says why and what to do there first.
     */
    RevertPlan planRevert(long invoiceId, String user);

    /**
     * Withdraws the invoice everywhere and makes it a draft again.
     *
     * @param newNumber the number the revised invoice gets, or empty to keep it (where a vendor keeps a voided
     *                  invoice's number, the revised one cannot be exported there under the old number)
     * @throws RevertRefusedException when a vendor refused; connections withdrawn before it stay withdrawn
     */
    Invoice revert(long invoiceId, int expectedVersion, String newNumber, String user);
}
