package org.ledgerport.core.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;

/**
 * What one status refresh found.
 *
 * @param since     the moment changes were asked for from
 * @param upTo      the moment the next refresh starts from
 * @param updates   one per invoice whose state changed
 * @param unchanged changes the vendor reported that were already known, or about invoices not exported from here
 */
public record StatusRefresh(long connectionId, String connectionName, Instant since, Instant upTo,
        List<Update> updates, int unchanged) {

    public StatusRefresh {
        Objects.requireNonNull(connectionName, "connectionName");
        updates = List.copyOf(updates);
    }

    /**
     * One invoice's news.
     *
     * @param statusHere     the invoice's status here afterwards
     * @param needsAttention the vendor voided or deleted it; the user must decide
     * @param text           what happened, as its history says
     */
    public record Update(long invoiceId, String invoiceNumber, VendorStatus status, Money amountDue,
            InvoiceStatus statusHere, boolean needsAttention, String text) {
    }

    /** How many invoices the vendor voided or deleted on its own. */
    public long needingAttention() {
        return updates.stream().filter(Update::needsAttention).count();
    }
}
