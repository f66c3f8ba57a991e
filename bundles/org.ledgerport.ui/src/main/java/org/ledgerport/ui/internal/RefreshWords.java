package org.ledgerport.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.export.StatusRefresh;
import org.ledgerport.core.export.StatusRefresh.Update;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.ui.Formats;

/** How a status refresh is put into words for the bookkeeper, one sentence per connection. */
final class RefreshWords {

    private RefreshWords() {
    }

    /** "QuickBooks Online – Acme", the way a refresh names the connection it speaks of. */
    static String where(String packageName, String connectionName) {
        return packageName + " \u2013 " + connectionName;
    }

    /**
     * "QuickBooks Online – Acme: 2 paid and closed, 1 partly paid (€40.00 still due), 1 voided there – needs your
     * decision." or "… nothing has changed since 21 Nov 2026, 14:03."
     */
    static String refreshed(String packageName, StatusRefresh refresh) {
        String where = where(packageName, refresh.connectionName());
        List<Update> updates = refresh.updates();
        if (updates.isEmpty()) {
            return where + ": nothing has changed since " + Formats.dateTime(refresh.since()) + ".";
        }
        List<String> parts = new ArrayList<>();
        add(parts, count(updates, VendorStatus.PAID, InvoiceStatus.CLOSED), "paid and closed");
        add(parts, updates.stream().filter(u -> u.status() == VendorStatus.PAID
                && u.statusHere() != InvoiceStatus.CLOSED).count(), "paid");
        List<Update> partly = updates.stream().filter(u -> u.status() == VendorStatus.PARTLY_PAID).toList();
        add(parts, partly.size(), "partly paid" + due(partly));
        add(parts, count(updates, VendorStatus.APPROVED, null), "approved");
        add(parts, count(updates, VendorStatus.SUBMITTED, null), "submitted for approval");
        add(parts, count(updates, VendorStatus.DRAFT, null), "a draft there again");
        add(parts, count(updates, VendorStatus.VOIDED, null), "voided there");
        add(parts, count(updates, VendorStatus.DELETED, null), "deleted there");
        long attention = refresh.needingAttention();
        String decision = attention == 0 ? "" : attention == 1 ? " \u2013 needs your decision"
                : " \u2013 " + attention + " need your decision";
        return where + ": " + String.join(", ", parts) + decision + ".";
    }

    /** Why a refresh of the connection did not happen, with what to do. */
    static String failed(String where, String reason) {
        String because = reason == null || reason.isBlank() ? "it did not answer" : strip(reason);
        return where + ": the status could not be refreshed: " + because + ". Press Refresh Status (Ctrl+F5) to "
                + "try again; the status bar says whether the connection needs a new sign-in.";
    }

    private static long count(List<Update> updates, VendorStatus status, InvoiceStatus here) {
        return updates.stream().filter(u -> u.status() == status && (here == null || u.statusHere() == here))
                .count();
    }

    private static void add(List<String> parts, long count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }

    /** " (€40.00 still due)" when the package said how much is due, in one currency; else nothing. */
    private static String due(List<Update> partly) {
        List<Money> amounts = partly.stream().map(Update::amountDue).filter(Objects::nonNull).toList();
        if (amounts.isEmpty() || amounts.stream().map(Money::currency).distinct().count() > 1) {
            return "";
        }
        Money total = amounts.stream().reduce(Money::add).orElseThrow();
        return " (" + Formats.money(total) + " still due)";
    }

    private static String strip(String reason) {
        String text = reason.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
