package org.ledgerport.simulator.xero.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.InvoiceStatus;
import org.ledgerport.simulator.xero.InvoiceType;
import org.ledgerport.simulator.xero.Item;

/**
 * What an organisation's users and apps change: contacts, items, invoices, the invoice number sequence. A write
 * works on a {@link #copy()} that replaces the committed books only when the whole request succeeds; committed
 * books are never changed again, so readers need no lock.
 */
final class Books {

    final Map<UUID, Contact> contacts;
    final Map<UUID, Item> items;
    final Map<UUID, Invoice> invoices;
    long nextNumber;
    int approvals;

    Books(Map<UUID, Contact> contacts, Map<UUID, Item> items, Map<UUID, Invoice> invoices, long nextNumber,
            int approvals) {
        this.contacts = new LinkedHashMap<>(contacts);
        this.items = new LinkedHashMap<>(items);
        this.invoices = new LinkedHashMap<>(invoices);
        this.nextNumber = nextNumber;
        this.approvals = approvals;
    }

    Books copy() {
        return new Books(contacts, items, invoices, nextNumber, approvals);
    }

    /** The active contact with this name; names are compared trimmed and without regard to letter case. */
    Contact activeContactNamed(String name) {
        String wanted = key(name);
        return contacts.values().stream().filter(c -> !c.archived() && key(c.name()).equals(wanted)).findFirst()
                .orElse(null);
    }

    Contact contactNumbered(String contactNumber) {
        return contacts.values().stream().filter(c -> contactNumber.equalsIgnoreCase(c.contactNumber())).findFirst()
                .orElse(null);
    }

    Item itemCoded(String code) {
        String wanted = key(code);
        return items.values().stream().filter(i -> key(i.code()).equals(wanted)).findFirst().orElse(null);
    }

    /**
     * The sales invoice holding this number. Deleted invoices give their number up; voided ones keep it, which is
     * why a number must be changed before the invoice is voided if it is to be used again.
     */
    Invoice salesInvoiceNumbered(String number) {
        String wanted = key(number);
        return invoices.values().stream()
                .filter(i -> i.type() == InvoiceType.ACCREC && i.status() != InvoiceStatus.DELETED
                        && i.invoiceNumber() != null && key(i.invoiceNumber()).equals(wanted))
                .findFirst().orElse(null);
    }

    static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
