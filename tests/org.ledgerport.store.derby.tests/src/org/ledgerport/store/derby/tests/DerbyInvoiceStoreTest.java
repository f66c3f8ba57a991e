package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.eclipse.osgi.service.datalocation.Location;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NewInvoice;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.store.derby.internal.DerbyInvoiceStore;
import org.ledgerport.testing.support.Osgi;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The store as DS starts it: embedded Derby in the workspace, surviving a restart of the store. */
class DerbyInvoiceStoreTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void opensInTheWorkspaceAndKeepsInvoicesAcrossARestart() throws Exception {
        InvoiceStore store = store();
        File workspace = new File(workspaceLocation().getURL().getPath());
        assertTrue(new File(workspace, DerbyInvoiceStore.DATABASE_FOLDER + "/service.properties").isFile(),
                "the database lives in the workspace");

        Customer customer = store.createCustomer("O'Keefe & Søn Ltd", "accounts@okeefe.example", EUR);
        Invoice created = store.createInvoice(new NewInvoice("INV-RESTART-1", customer.id(),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2), EUR,
                List.of(new InvoiceLine("Bookkeeping, October", new BigDecimal("7.5"), Money.of("80.00", "EUR")),
                        new InvoiceLine("Year-end filing", BigDecimal.ONE, Money.of("149.99", "EUR"))),
                "Thank you"));
        assertEquals(InvoiceStatus.DRAFT, created.status());
        assertEquals(Money.of("749.99", "EUR"), created.total());

        Bundle storeBundle = FrameworkUtil.getBundle(DerbyInvoiceStore.class);
        storeBundle.stop();
        storeBundle.start();
        InvoiceStore restarted = store();
        assertNotSame(store, restarted, "a new store component after the restart");

        assertEquals(created, restarted.findInvoice(created.id()).orElseThrow(), "the invoice, line by line");
        InvoiceSummary row = restarted.listInvoices().stream().filter(i -> i.id() == created.id()).findFirst()
                .orElseThrow();
        assertEquals(new InvoiceSummary(created.id(), "INV-RESTART-1", "O'Keefe & Søn Ltd",
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2), Money.of("749.99", "EUR"), InvoiceStatus.DRAFT),
                row);
        assertTrue(restarted.listCustomers().contains(customer));
    }

    @Test
    void refusesADuplicateInvoiceNumberAndKeepsNothingOfIt() throws Exception {
        InvoiceStore store = store();
        Customer customer = store.createCustomer("Müller & Co.", null, EUR);
        NewInvoice invoice = new NewInvoice("INV-DUP-1", customer.id(), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), EUR, List.of(new InvoiceLine("Audit", BigDecimal.ONE,
                        Money.of("500.00", "EUR"))), "");
        store.createInvoice(invoice);
        int before = store.listInvoices().size();

        StoreException refused = assertThrows(StoreException.class, () -> store.createInvoice(invoice));
        assertEquals("Invoice number INV-DUP-1 is already used by another invoice.", refused.getMessage());
        assertEquals(before, store.listInvoices().size());

        StoreException unknownCustomer = assertThrows(StoreException.class,
                () -> store.createInvoice(new NewInvoice("INV-NOBODY", 987654, LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 10, 31), EUR, List.of(), "")));
        assertEquals("Invoice INV-NOBODY names customer #987654, who is not in the database.",
                unknownCustomer.getMessage());
    }

    private static InvoiceStore store() throws InterruptedException {
        return Osgi.service(InvoiceStore.class);
    }

    private static Location workspaceLocation() throws InterruptedException {
        return Osgi.service(Location.class, "(type=osgi.instance.area)");
    }
}
