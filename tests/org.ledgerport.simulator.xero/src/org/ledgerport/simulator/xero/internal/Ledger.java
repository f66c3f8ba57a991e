package org.ledgerport.simulator.xero.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.Item;
import org.ledgerport.simulator.xero.Organisation;
import org.ledgerport.simulator.xero.TaxRate;

/** One organisation: its fixed settings and reference data, and its books, changed one write at a time. */
final class Ledger {

    private final Organisation settings;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, TaxRate> taxRates = new LinkedHashMap<>();
    private volatile Books books;
    private volatile Integer approvalLimit;

    Ledger(Organisation settings) {
        this.settings = settings;
        settings.accounts().forEach(a -> accounts.put(a.code().toUpperCase(Locale.ROOT), a));
        settings.taxRates().forEach(t -> taxRates.put(t.taxType().toUpperCase(Locale.ROOT), t));
        Map<UUID, Contact> contacts = new LinkedHashMap<>();
        settings.contacts().forEach(c -> contacts.put(c.contactId(), c));
        Map<UUID, Item> items = new LinkedHashMap<>();
        settings.items().forEach(i -> items.put(i.itemId(), i));
        this.books = new Books(contacts, items, Map.of(), Long.parseLong(settings.nextInvoiceNumber()), 0);
    }

    Organisation settings() {
        return settings;
    }

    Map<String, Account> accounts() {
        return accounts;
    }

    Map<String, TaxRate> taxRates() {
        return taxRates;
    }

    Account account(String code) {
        return accounts.get(code.trim().toUpperCase(Locale.ROOT));
    }

    TaxRate taxRate(String taxType) {
        return taxRates.get(taxType.trim().toUpperCase(Locale.ROOT));
    }

    /** The committed books; never changed after they are handed out. */
    Books books() {
        return books;
    }

    /** How many more invoices the plan lets the organisation approve, or null for no cap. */
    Integer approvalLimit() {
        return approvalLimit;
    }

    void limitApprovals(Integer limit) {
        this.approvalLimit = limit;
    }

    /**
     * Runs {@code work} on a copy of the books and keeps the copy only when {@code keep} accepts the result, so a
     * request either changes everything it asked for or nothing.
     */
    synchronized <T> T write(Function<Books, T> work, Predicate<T> keep) {
        Books draft = books.copy();
        T result = work.apply(draft);
        if (keep.test(result)) {
            books = draft;
        }
        return result;
    }

    /** A number of the sales invoice sequence, padded as the organisation's setting is ("INV-0042"). */
    String invoiceNumber(long sequence) {
        int width = settings.nextInvoiceNumber().length();
        return settings.invoicePrefix() + String.format(Locale.ROOT, "%0" + width + "d", sequence);
    }
}
