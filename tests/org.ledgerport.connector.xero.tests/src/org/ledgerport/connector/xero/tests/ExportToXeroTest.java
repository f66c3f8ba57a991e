package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.testing.support.Osgi.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.simulator.xero.Organisation;
import org.ledgerport.simulator.xero.TaxRate;
import org.ledgerport.testing.support.Firm;

/**
 * The real export engine, with a stored connection whose connector is "xero", against the simulator: each invoice
 * lands in Xero exactly once, though an answer is lost on the way.
 */
class ExportToXeroTest {

    /** Who the test acts as: the operating system's user, as at a workstation. */
    private static final String ME = System.getProperty("user.name");

    @Test
    void theEngineExportsEachInvoiceToXeroExactlyOnce() throws Exception {
        try (XeroWorld world = XeroWorld.start(options -> options.withOrganisations(
                Organisation.standard("Kea Accounting Ltd").withCurrencies("EUR")
                        .withTaxRate(new TaxRate("OUTPUT2", "20% VAT on Income", new BigDecimal("20"), true,
                                false))))) {
            InvoiceStore store = service(InvoiceStore.class);
            ConnectionStore connections = service(ConnectionStore.class);
            Firm firm = new Firm(store, "XE");
            Connection stored = connections.createConnection(ME, XeroWorld.CONNECTOR_ID, Firm.unique("Xero"),
                    world.settings(), Map.of(MappingKind.TAX_CODE, Map.of(Firm.STANDARD.code(), "OUTPUT2")),
                    NumberingPolicy.VENDOR_ASSIGNS);
            AccountInfo account = world.connector.connect(world.context(stored), world.browser());
            Map<String, String> learnt = new TreeMap<>(stored.settings());
            learnt.putAll(account.settings());
            Connection connection = connections.updateConnection(ME, new Connection(stored.id(), stored.uid(),
                    stored.connectorId(), stored.name(), learnt, stored.mappings(), stored.numbering(),
                    stored.version()));
            List<Customer> customers = List.of(firm.customer("Kea Cafe"), firm.customer("Tūī Tours"),
                    firm.customer("O'Neill & Sons"));
            List<Invoice> invoices = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                invoices.add(firm.finalized(customers.get(i % 3), (10 + i) + ".00", "4.99"));
            }
            world.simulator.server().dropResponseAfterCommit(
                    r -> r.method().equals("PUT") && r.path().endsWith("/Invoices"), 1);

            RunSummary run = service(ExportService.class).export(new ExportRequest(connection.id(),
                    invoices.stream().map(Invoice::id).toList(), ME, false), ExportListener.NONE);

            List<InvoiceResult> results = service(ProcessLog.class).results(run.id());
            assertEquals(RunOutcome.COMPLETED, run.outcome(), () -> results.stream()
                    .filter(r -> r.outcome() != ExportOutcome.EXPORTED).map(InvoiceResult::reason).toList().toString());
            assertEquals(60, run.exported());
            Map<String, Long> inXero = world.simulator.invoices(world.tenant()).stream()
                    .collect(Collectors.groupingBy(i -> i.reference(), Collectors.counting()));
            for (Invoice invoice : invoices) {
                Invoice now = store.findInvoice(invoice.id()).orElseThrow();
                assertEquals(InvoiceStatus.EXPORTED, now.status());
                assertEquals(1L, inXero.get("LP-" + now.id() + "-v" + invoice.version()),
                        "invoice " + invoice.number() + " is in Xero exactly once");
            }
            assertEquals(60, inXero.size());
            assertEquals(3, world.calls("PUT", "/Invoices"), "50 and 10 invoices, the first batch sent twice");
            assertEquals(1, world.calls("PUT", "/Contacts"), "three customers created in one call");
            InvoiceResult first = results.stream().filter(r -> r.invoiceId() == invoices.get(0).id()).findFirst()
                    .orElseThrow();
            assertTrue(first.external().number().startsWith("INV-"), "Xero's number came back");

            RunSummary again = service(ExportService.class).export(new ExportRequest(connection.id(),
                    invoices.stream().map(Invoice::id).toList(), ME, false), ExportListener.NONE);
            assertEquals(0, again.exported());
            assertEquals(60, again.skipped());
            assertEquals(3, world.calls("PUT", "/Invoices"), "nothing was sent the second time");
        }
    }
}
