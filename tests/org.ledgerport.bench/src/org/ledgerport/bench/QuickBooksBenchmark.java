package org.ledgerport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.ImportBatch.ImportedInvoice;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.LoggedRequest;
import org.ledgerport.testing.support.Browser;
import org.ledgerport.testing.support.Osgi;

/**
 * Exports 1,000 invoices for 200 new customers and 50 new items to the QuickBooks Online simulator with 100 ms
 * latency and Intuit's documented limits, and prints the API calls made, the wall time and its ratio to the
 * floor that the limits and the latency set. Asserts only that every invoice was exported once.
 */
class QuickBooksBenchmark {

    private static final int INVOICES = 1_000;
    private static final int CUSTOMERS = 200;
    private static final int ITEMS = 50;
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TaxCode VAT = new TaxCode("Q23", "Standard rate", new BigDecimal("20"));

    @Test
    void exportAThousandInvoicesToQuickBooksOnline() throws Exception {
        URI redirect = URI.create("http://localhost:" + freePort() + "/ledgerport/quickbooks");
        try (QuickBooksSimulator simulator = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withCompanies(new CompanySetup("4620816365000000777", "Bench Books Ltd", "IE", "EUR", false, false,
                        false, "1001", new BigDecimal("20"), BigDecimal.ZERO, ZoneId.of("Europe/Dublin")))
                .withClient("bench-app", "bench-secret", redirect))) {
            List<Long> ids = firm();
            Connection connection = connect(simulator, redirect);
            simulator.server().setLatency(LATENCY);
            simulator.server().clearRequestLog();

            long start = System.nanoTime();
            RunSummary run = Osgi.service(ExportService.class).export(new ExportRequest(connection.id(), ids,
                    "bench", false), ExportListener.NONE);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(INVOICES, run.exported(), "every invoice was exported");
            assertEquals(INVOICES, simulator.defaultCompany().invoices().size(), "and is in QuickBooks once");
            report(simulator.server().requestLog(), wall);
        }
    }

    private static void report(List<LoggedRequest> calls, Duration wall) {
        Map<String, Long> byKind = calls.stream().collect(Collectors.groupingBy(
                c -> c.method() + " " + c.path().replaceAll(".*/v3/company/[^/]+", ""), TreeMap::new,
                Collectors.counting()));
        long batches = calls.stream().filter(c -> c.is("POST", "/batch")).count();
        long throttled = calls.stream().filter(c -> c.status() == 429).count();
        // Every batch operation is metered as a call: each invoice, customer and item created is one.
        long metered = calls.size() - batches + INVOICES + CUSTOMERS + ITEMS;
        Duration rateFloor = Duration.ofMinutes(Math.max(0, (metered - 1) / 500));
        Duration batchFloor = Duration.ofMinutes(Math.max(0, (batches - 1) / 40));
        Duration latencyFloor = LATENCY.multipliedBy(calls.size());
        Duration floor = max(max(rateFloor, batchFloor), latencyFloor);
        System.out.printf("%n[bench] QuickBooks Online simulator: %,d invoices, %d new customers, %d new items, "
                + "%d ms latency, 500 calls/min, 40 batches/min, 10 at once%n", INVOICES, CUSTOMERS, ITEMS,
                LATENCY.toMillis());
        System.out.printf("[bench] API calls: %d (%s); %d throttled answers%n", calls.size(), byKind, throttled);
        System.out.printf("[bench] metered operations: %d; a call per entity would make %d calls%n", metered,
                INVOICES * 3 + CUSTOMERS + ITEMS);
        System.out.printf("[bench] wall time %.1f s; floor %.1f s (rate %.0f s, batches %.0f s, latency %.1f s); "
                + "ratio %.2f%n%n", wall.toMillis() / 1000.0, floor.toMillis() / 1000.0, rateFloor.toSeconds() * 1.0,
                batchFloor.toSeconds() * 1.0, latencyFloor.toMillis() / 1000.0,
                wall.toMillis() / (double) floor.toMillis());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** 1,000 finalized invoices of two lines, each line on one of 50 items, for 200 customers. */
    private static List<Long> firm() throws InterruptedException {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            customers.add(new Customer(0, "QB bench customer " + c + (c % 7 == 0 ? " O'Neill" : ""), "",
                    new Address("1 Quay St", "", "Cork", "", "T12 X2Y3", "IE"), false, EUR));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(new Item(0, "QBI-" + i, "QB bench service " + i, Money.of("95.00", "EUR"), "", VAT.code()));
        }
        List<ImportedInvoice> invoices = new ArrayList<>();
        for (int n = 0; n < INVOICES; n++) {
            List<InvoiceLine> lines = List.of(
                    new InvoiceLine("QBI-" + n % ITEMS, "Work, day rate", new BigDecimal("1.5"),
                            Money.of("640.00", "EUR"), BigDecimal.ZERO, VAT.code()),
                    new InvoiceLine("QBI-" + (n + 7) % ITEMS, "Travel", BigDecimal.ONE, Money.of("37.40", "EUR"),
                            new BigDecimal("10"), VAT.code()));
            invoices.add(new ImportedInvoice("#" + n, customers.get(n % CUSTOMERS).name(), new InvoiceDraft(
                    "QBB-" + n, 0, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), EUR, lines, List.of(), "",
                    TaxMode.PER_LINE), InvoiceStatus.FINALIZED));
        }
        return Osgi.service(InvoiceStore.class).importBatch(new ImportBatch(List.of(VAT), customers, items,
                invoices)).invoiceIds();
    }

    private static Connection connect(QuickBooksSimulator simulator, URI redirect) throws Exception {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the QuickBooks Online connector", () -> registry.find("quickbooks-online").isPresent());
        Connector connector = registry.find("quickbooks-online").orElseThrow();
        Map<String, String> settings = new TreeMap<>(Map.of("environment", "other", "serviceAddress",
                simulator.baseUri().toString(), "clientId", "bench-app", "redirectUri", redirect.toString()));
        ConnectionStore connections = Osgi.service(ConnectionStore.class);
        Connection connection = connections.createConnection("quickbooks-online", "QuickBooks bench", settings,
                Map.of(MappingKind.TAX_CODE, Map.of(VAT.code(), "Standard")), NumberingPolicy.VENDOR_ASSIGNS);
        ConnectionContext context = new ConnectionContext(connection,
                Osgi.service(CredentialStore.class).forConnection(connection.uid()));
        context.credentials().write("clientSecret", "bench-secret");
        AccountInfo account = connector.connect(context, Browser.signIn());
        settings.putAll(account.settings());
        return connections.updateConnection(new Connection(connection.id(), connection.uid(),
                connection.connectorId(), connection.name(), settings, connection.mappings(), connection.numbering(),
                connection.version()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
