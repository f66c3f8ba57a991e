package org.ledgerport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.LoggedRequest;
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
        URI redirect = URI.create("http://localhost:" + OnlineBench.freePort() + "/ledgerport/quickbooks");
        try (QuickBooksSimulator simulator = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withCompanies(new CompanySetup("4620816365000000777", "Bench Books Ltd", "IE", "EUR", false, false,
                        false, "1001", new BigDecimal("20"), BigDecimal.ZERO, ZoneId.of("Europe/Dublin")))
                .withClient("bench-app", "bench-secret", redirect))) {
            List<Long> ids = OnlineBench.firm("QBB", EUR, VAT, INVOICES, CUSTOMERS, ITEMS);
            Connection connection = OnlineBench.signedIn("quickbooks-online", Map.of("environment", "other",
                    "serviceAddress", simulator.baseUri().toString(), "clientId", "bench-app", "redirectUri",
                    redirect.toString()), Map.of(MappingKind.TAX_CODE, Map.of(VAT.code(), "Standard")),
                    Map.of("clientSecret", "bench-secret"));
            simulator.server().setLatency(LATENCY);
            simulator.server().clearRequestLog();

            long start = System.nanoTime();
            RunSummary run = Osgi.service(ExportService.class).export(new ExportRequest(connection.id(), ids,
                    System.getProperty("user.name"), false), ExportListener.NONE);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(INVOICES, run.exported(), "every invoice was exported");
            assertEquals(INVOICES, simulator.defaultCompany().invoices().size(), "and is in QuickBooks once");
            report(simulator.server().requestLog(), wall);
        }
    }

    private static void report(List<LoggedRequest> calls, Duration wall) {
        Map<String, Long> byKind = OnlineBench.callsByKind(calls, ".*/v3/company/[^/]+");
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
}
