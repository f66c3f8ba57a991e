package org.ledgerport.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.osgi.service.datalocation.Location;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceRules;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.demo.DemoFirm;
import org.ledgerport.demo.DemoReport;
import org.ledgerport.testing.support.Osgi;

/**
 * The demo firm as a demo workstation gets it: this module's runtime starts on an empty database with the
 * framework property ledgerport.demo=true, so the demo loads itself at the first start, and these tests look at
 * what it loaded. No other test class shares the module's database.
 */
class DemoFirmTest {

    private static final List<String> NAMES_THAT_TRIP_EXPORTS = List.of("O'Keefe & Søn Ltd", "Müller & Co. KG",
            "Café Zoë", "Åsa Öberg AB");

    @Test
    void theFirstStartLoadsCustomersItemsAndTaxCodesOfEveryKind() throws Exception {
        loaded();
        InvoiceStore store = Osgi.service(InvoiceStore.class);

        List<Customer> customers = store.listCustomers();
        assertTrue(customers.size() >= 40, customers.size() + " customers");
        Set<String> names = customers.stream().map(Customer::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(NAMES_THAT_TRIP_EXPORTS), "names kept exactly as written: " + names);
        assertEquals(Set.of("GBP", "EUR"),
                customers.stream().map(c -> c.currency().getCurrencyCode()).collect(Collectors.toSet()));
        assertTrue(customers.stream().anyMatch(Customer::taxExempt), "some customers are tax-exempt");
        assertTrue(customers.stream().noneMatch(c -> c.email().isEmpty() || c.billingAddress().isEmpty()),
                "every customer has an email and an address");

        Map<String, TaxCode> taxCodes = taxCodes(store);
        assertTrue(taxCodes.size() >= 3, "tax codes: " + taxCodes.keySet());
        Set<BigDecimal> rates = taxCodes.values().stream().map(TaxCode::ratePercent).collect(Collectors.toSet());
        assertTrue(rates.containsAll(Set.of(new BigDecimal("20"), new BigDecimal("5"), BigDecimal.ZERO)),
                "standard, reduced and zero rates: " + rates);

        List<Item> items = store.listItems();
        assertEquals(30, items.size());
        for (Item item : items) {
            assertFalse(item.incomeAccount().isEmpty(), item + " has an income account");
            assertTrue(taxCodes.containsKey(item.taxCode()), item + " has a tax code the firm defines");
        }
    }

    @Test
    void theFirstStartLoadsTwoHundredInvoicesInEveryStatusThatPassTheRules() throws Exception {
        loaded();
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        List<Invoice> invoices = store.loadInvoices(store.listInvoices().stream().map(InvoiceSummary::id).toList());
        assertEquals(200, invoices.size());

        Map<InvoiceStatus, Long> byStatus = invoices.stream()
                .collect(Collectors.groupingBy(Invoice::status, () -> new EnumMap<>(InvoiceStatus.class),
                        Collectors.counting()));
        assertEquals(EnumSet.allOf(InvoiceStatus.class), byStatus.keySet(), "every status: " + byStatus);
        assertTrue(byStatus.get(InvoiceStatus.FINALIZED) > 100, "most are ready for export: " + byStatus);
        assertEquals(Set.of("GBP", "EUR"),
                invoices.stream().map(i -> i.currency().getCurrencyCode()).collect(Collectors.toSet()));
        assertEquals(EnumSet.allOf(TaxMode.class), invoices.stream().map(Invoice::taxMode)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaxMode.class))));
        assertEquals(EnumSet.allOf(ChargeKind.class), invoices.stream().flatMap(i -> i.charges().stream())
                .map(Charge::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(ChargeKind.class))));
        assertTrue(invoices.stream().flatMap(i -> i.lines().stream()).anyMatch(l -> l.discountPercent().signum() > 0),
                "some lines are discounted");

        LocalDate today = LocalDate.now();
        List<LocalDate> issued = invoices.stream().map(Invoice::issueDate).sorted().toList();
        assertTrue(issued.getFirst().isAfter(today.minusDays(200)) && issued.getLast().isBefore(today),
                "issued in the months before today: " + issued.getFirst() + " to " + issued.getLast());
        assertTrue(issued.getFirst().isBefore(today.minusDays(120)) && issued.getLast().isAfter(today.minusDays(30)),
                "spread over the months: " + issued.getFirst() + " to " + issued.getLast());

        Map<Long, Customer> customers = store.listCustomers().stream()
                .collect(Collectors.toMap(Customer::id, Function.identity()));
        Map<String, TaxCode> taxCodes = taxCodes(store);
        Map<String, Item> items = store.listItems().stream().collect(Collectors.toMap(Item::code, Function.identity()));
        List<Problem> problems = new ArrayList<>();
        for (Invoice invoice : invoices) {
            problems.addAll(InvoiceRules.check(invoice, customers.get(invoice.customerId()), taxCodes, items));
        }
        assertEquals(List.of(), problems, "every demo invoice passes the checks of finalizing");
    }

    @Test
    void theDemoConnectionExportsXeroFilesToTheWorkspace() throws Exception {
        Connection connection = loaded();
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Location workspace = Osgi.service(Location.class, "(type=osgi.instance.area)");

        assertEquals("file-export", connection.connectorId());
        assertEquals(new File(workspace.getURL().getPath(), "exports").getAbsoluteFile(),
                new File(connection.setting("folder", "")).getAbsoluteFile());
        assertEquals("xero-csv", connection.setting("layout", ""));
        assertFalse(connection.setting("incomeAccount", "").isEmpty(), "header charges have an account to go to");
        assertFalse(connection.setting("xeroUntaxedRate", "").isEmpty(),
                "tax-exempt customers' lines have a Xero tax rate");
        assertEquals(NumberingPolicy.OURS, connection.numbering());
        TaxCode standard = taxCodes(store).values().stream()
                .filter(t -> t.ratePercent().compareTo(new BigDecimal("20")) == 0).findFirst().orElseThrow();
        assertEquals("20% (VAT on Income)", connection.mapped(MappingKind.TAX_CODE, standard.code()));
        for (TaxCode taxCode : store.listTaxCodes()) {
            boolean mapped = !connection.mapped(MappingKind.TAX_CODE, taxCode.code()).isEmpty();
            assertEquals(!taxCode.code().equals("R5"), mapped, "tax code " + taxCode.code()
                    + " is mapped to a Xero tax rate, except the reduced rate, which the demo leaves for the newcomer");
        }
        for (Item item : store.listItems()) {
            assertFalse(connection.mapped(MappingKind.INCOME_ACCOUNT, item.incomeAccount()).isEmpty(),
                    "income account " + item.incomeAccount() + " is mapped to a Xero account code");
        }
    }

    @Test
    void aSecondLoadIsRefusedAndChangesNothing() throws Exception {
        loaded();
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        ConnectionStore connections = Osgi.service(ConnectionStore.class);
        DemoFirm demo = Osgi.service(DemoFirm.class);
        List<Integer> before = List.of(store.listInvoices().size(), store.listCustomers().size(),
                store.listItems().size(), store.listTaxCodes().size(), connections.listConnections().size());

        IllegalStateException refused = assertThrows(IllegalStateException.class, demo::load);

        assertTrue(refused.getMessage().contains("already holds customers or invoices"), refused.getMessage());
        assertEquals(before, List.of(store.listInvoices().size(), store.listCustomers().size(),
                store.listItems().size(), store.listTaxCodes().size(), connections.listConnections().size()));
    }

    @Test
    void theReportSaysInOneLineWhatWasLoaded() {
        DemoReport report = new DemoReport(42, 30, 4,
                Map.of(InvoiceStatus.FINALIZED, 112, InvoiceStatus.DRAFT, 14, InvoiceStatus.VOID, 8),
                DemoFirm.CONNECTION_NAME);

        assertEquals(134, report.invoices());
        assertEquals("Loaded the demo firm: 42 customers, 30 items, 4 tax codes, 134 invoices (14 draft, "
                + "112 finalized, 8 void) and the connection 'Demo export folder'.", report.summary());
    }

    /** Waits for the first start to have loaded the demo; its connection is the last thing it creates. */
    private static Connection loaded() throws InterruptedException {
        ConnectionStore connections = Osgi.service(ConnectionStore.class);
        Osgi.await("the demo firm loaded at the first start",
                () -> connections.findConnectionByName(DemoFirm.CONNECTION_NAME).isPresent());
        return connections.findConnectionByName(DemoFirm.CONNECTION_NAME).orElseThrow();
    }

    private static Map<String, TaxCode> taxCodes(InvoiceStore store) {
        return store.listTaxCodes().stream().collect(Collectors.toMap(TaxCode::code, Function.identity()));
    }
}
