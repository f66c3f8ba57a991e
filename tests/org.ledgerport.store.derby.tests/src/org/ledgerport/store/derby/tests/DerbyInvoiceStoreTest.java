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
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.LifecycleException;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ConcurrentChangeException;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.ImportBatch.ImportedInvoice;
import org.ledgerport.core.store.ImportRefusedException;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.store.derby.internal.DerbyDatabase;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The store as DS starts it: embedded Derby in the workspace, the full invoice model and its rules. */
class DerbyInvoiceStoreTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void opensInTheWorkspaceAndKeepsInvoicesAcrossARestart() throws Exception {
        InvoiceStore store = store();
        File workspace = new File(workspaceLocation().getURL().getPath());
        assertTrue(new File(workspace, DerbyDatabase.DATABASE_FOLDER + "/service.properties").isFile(),
                "the database lives in the workspace");

        store.saveTaxCode(new TaxCode("VAT21", "BTW hoog", new BigDecimal("21")));
        Customer customer = store.createCustomer(new Customer(0, "O'Keefe & Søn Ltd", "accounts@okeefe.example",
                new Address("Kaistraat 4", "", "Gent", "", "9000", "BE"), true, EUR));
        Item item = store.createItem(new Item(0, "BK-HR", "Bookkeeping hour", Money.of("80.00", "EUR"), "4000", "VAT21"));
        Invoice created = store.createInvoice(new InvoiceDraft("INV-RESTART-1", customer.id(),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2), EUR,
                List.of(new InvoiceLine(item.code(), "Bookkeeping, October", new BigDecimal("7.5"),
                        Money.of("80.00", "EUR"), new BigDecimal("10"), "VAT21"),
                        InvoiceLine.of("Year-end filing", BigDecimal.ONE, Money.of("149.99", "EUR"))),
                List.of(new Charge(ChargeKind.HANDLING, "Courier", Money.of("12.50", "EUR"), "VAT21")),
                "Thank you", TaxMode.PER_DOCUMENT));
        assertEquals(InvoiceStatus.DRAFT, created.status());
        assertEquals(Money.of("702.49", "EUR"), created.net(), "540.00 + 149.99 + 12.50");

        Bundle storeBundle = FrameworkUtil.getBundle(DerbyDatabase.class);
        storeBundle.stop();
        storeBundle.start();
        InvoiceStore restarted = store();
        assertNotSame(store, restarted, "a new store component after the restart");

        assertEquals(created, restarted.findInvoice(created.id()).orElseThrow(), "the invoice, field by field");
        assertEquals(customer, restarted.findCustomer(customer.id()).orElseThrow());
        assertEquals(item, restarted.findItem("BK-HR").orElseThrow());
        InvoiceSummary row = restarted.listInvoices().stream().filter(i -> i.id() == created.id()).findFirst()
                .orElseThrow();
        assertEquals(new InvoiceSummary(created.id(), "INV-RESTART-1", "O'Keefe & Søn Ltd",
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2), Money.of("702.49", "EUR"), InvoiceStatus.DRAFT),
                row);
    }

    @Test
    void refusesADuplicateInvoiceNumberOrCustomerNameAndKeepsNothingOfIt() throws Exception {
        InvoiceStore store = store();
        Customer customer = store.createCustomer(new Customer(0, "Müller & Co.", null, null, false, EUR));
        InvoiceDraft invoice = InvoiceDraft.of("INV-DUP-1", customer.id(), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), EUR, List.of(InvoiceLine.of("Audit", BigDecimal.ONE, Money.of("500.00", "EUR"))));
        store.createInvoice(invoice);
        int before = store.listInvoices().size();

        StoreException refused = assertThrows(StoreException.class, () -> store.createInvoice(invoice));
        assertEquals("Invoice number INV-DUP-1 is already used by another invoice.", refused.getMessage());
        assertEquals(before, store.listInvoices().size());

        StoreException unknownCustomer = assertThrows(StoreException.class,
                () -> store.createInvoice(InvoiceDraft.of("INV-NOBODY", 987654, LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 10, 31), EUR, List.of())));
        assertEquals("Invoice INV-NOBODY names customer #987654, who is not in the database.",
                unknownCustomer.getMessage());
        StoreException sameName = assertThrows(StoreException.class,
                () -> store.createCustomer(new Customer(0, "Müller & Co.", null, null, false, EUR)));
        assertTrue(sameName.getMessage().startsWith("There is already a customer named 'Müller & Co.'"));
    }

    @Test
    void everyChangeGoesThroughTheLifecycleAndTheVersion() throws Exception {
        InvoiceStore store = store();
        Firm firm = new Firm(store, "LC");
        Customer customer = firm.customer("Lifecycle Ltd");
        Invoice draft = firm.draft(customer, "10.00");

        Invoice edited = store.updateInvoice(draft.id(), draft.version(), new InvoiceDraft(draft.number(),
                customer.id(), draft.issueDate(), draft.dueDate(), EUR, draft.lines(),
                List.of(new Charge(ChargeKind.FREIGHT, "", Money.of("5.00", "EUR"), Firm.STANDARD.code())), "edited",
                TaxMode.PER_LINE));
        assertEquals(draft.version() + 1, edited.version());
        assertEquals(edited, store.findInvoice(draft.id()).orElseThrow());

        ConcurrentChangeException stale = assertThrows(ConcurrentChangeException.class,
                () -> store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED));
        assertTrue(stale.getMessage().contains("was changed by someone else"), stale.getMessage());

        Invoice finalized = store.changeStatus(edited.id(), edited.version(), InvoiceStatus.FINALIZED);
        LifecycleException readOnly = assertThrows(LifecycleException.class,
                () -> store.updateInvoice(finalized.id(), finalized.version(), finalized.draft()));
        assertEquals("Invoice %s is finalized; revert it to draft to change it.".formatted(draft.number()),
                readOnly.getMessage());
        LifecycleException notByHand = assertThrows(LifecycleException.class,
                () -> store.changeStatus(finalized.id(), finalized.version(), InvoiceStatus.EXPORTED));
        assertEquals("Invoice %s becomes exported only by exporting it.".formatted(draft.number()),
                notByHand.getMessage());

        Invoice empty = store.createInvoice(InvoiceDraft.of(firm.number(), customer.id(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), EUR, List.of()));
        LifecycleException invalid = assertThrows(LifecycleException.class,
                () -> store.changeStatus(empty.id(), empty.version(), InvoiceStatus.FINALIZED));
        assertEquals("Invoice %s has no lines.".formatted(empty.number()), invalid.getMessage());
        assertEquals(InvoiceStatus.DRAFT, store.findInvoice(empty.id()).orElseThrow().status());
    }

    @Test
    void anImportIsSavedWholeOrNotAtAll() throws Exception {
        InvoiceStore store = store();
        Firm firm = new Firm(store, "IM");
        String newName = Firm.unique("Café Zoë");
        Customer newCustomer = new Customer(0, newName, "zoe@example.fr", null, false, EUR);
        String taken = firm.draft(firm.customer("Existing"), "1.00").number();
        InvoiceDraft good = InvoiceDraft.of(firm.number(), 0, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), EUR,
                List.of(new InvoiceLine("", "Consulting", BigDecimal.TEN, Money.of("95.00", "EUR"), BigDecimal.ZERO,
                        Firm.STANDARD.code())));
        InvoiceDraft duplicate = InvoiceDraft.of(taken, 0, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), EUR,
                good.lines());
        int before = store.listInvoices().size();

        ImportRefusedException refused = assertThrows(ImportRefusedException.class, () -> store.importBatch(
                new ImportBatch(List.of(), List.of(newCustomer), List.of(), List.of(
                        new ImportedInvoice("line 2", newName, good, InvoiceStatus.FINALIZED),
                        new ImportedInvoice("line 5", newName, duplicate, InvoiceStatus.DRAFT),
                        new ImportedInvoice("line 9", "Nobody Known", good, InvoiceStatus.DRAFT)))));
        assertEquals(List.of("line 5: invoice number %s is already in the database".formatted(taken),
                "line 9: customer 'Nobody Known' is neither in the import nor in the database"), refused.reasons());
        assertEquals(before, store.listInvoices().size(), "nothing of the import was kept");
        assertTrue(store.listCustomers().stream().noneMatch(c -> c.name().equals(newName)), "not even the customer");

        ImportBatch.Saved saved = store.importBatch(new ImportBatch(List.of(), List.of(newCustomer), List.of(),
                List.of(new ImportedInvoice("line 2", newName, good, InvoiceStatus.FINALIZED))));
        assertEquals(1, saved.customersCreated());
        Invoice imported = store.findInvoice(saved.invoiceIds().get(0)).orElseThrow();
        assertEquals(InvoiceStatus.FINALIZED, imported.status());
        assertEquals(Money.of("950.00", "EUR"), imported.net());
    }

    private static InvoiceStore store() throws InterruptedException {
        return Osgi.service(InvoiceStore.class);
    }

    private static Location workspaceLocation() throws InterruptedException {
        return Osgi.service(Location.class, "(type=osgi.instance.area)");
    }
}
