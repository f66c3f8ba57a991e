package org.ledgerport.testing.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.store.InvoiceStore;

/**
 * Writes customers and invoices through the real store for tests that share one database: every name and
 * number it makes is unique in the run, so tests do not see each other's data.
 */
public final class Firm {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final Currency EUR = Currency.getInstance("EUR");
    public static final TaxCode STANDARD = new TaxCode("T20", "Standard 20 %", new BigDecimal("20"));

    private final InvoiceStore store;
    private final String prefix;

    /** @param prefix a short tag for the test (at most 6 characters), put in front of invoice numbers */
    public Firm(InvoiceStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
        store.saveTaxCode(STANDARD);
    }

    public static String unique(String what) {
        return what + " " + SEQUENCE.incrementAndGet();
    }

    public Customer customer(String name) {
        return store.createCustomer(new Customer(0, unique(name), "accounts@example.com",
                new Address("1 Quay Street", "", "Cork", "", "T12 X2Y3", "IE"), false, EUR));
    }

    /** A new invoice number no other test uses. */
    public String number() {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public Invoice draft(Customer customer, String... amounts) {
        List<InvoiceLine> lines = Arrays.stream(amounts)
                .map(a -> new InvoiceLine("", "Bookkeeping services", BigDecimal.ONE, Money.of(a, "EUR"),
                        BigDecimal.ZERO, STANDARD.code()))
                .toList();
        return store.createInvoice(InvoiceDraft.of(number(), customer.id(), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 2), EUR, lines));
    }

    public Invoice finalized(Customer customer, String... amounts) {
        Invoice draft = draft(customer, amounts);
        return store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED);
    }
}
