package org.ledgerport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.simulator.support.LoggedRequest;
import org.ledgerport.simulator.xero.Organisation;
import org.ledgerport.simulator.xero.XeroSimulator;
import org.ledgerport.testing.support.Osgi;

/**
 * Exports 1,000 invoices for 200 new contacts (and 50 new items) to the Xero simulator with 100 ms latency and
 * Xero's limits (60 calls a minute, 5 at once, 5,000 a day), and prints the API calls made, the wall time and its
 * ratio to the floor that the minute limit and the latency set. Asserts only that every invoice was exported.
 */
class XeroBenchmark {

    private static final int INVOICES = 1_000;
    private static final int CONTACTS = 200;
    private static final int ITEMS = 50;
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final Currency NZD = Currency.getInstance("NZD");
    private static final TaxCode GST = new TaxCode("XB15", "GST 15 %", new BigDecimal("15"));

    @Test
    void exportAThousandInvoicesToXero() throws Exception {
        URI redirect = URI.create("http://localhost:" + OnlineBench.freePort() + "/ledgerport/xero");
        Organisation organisation = Organisation.standard("Bench Joinery Ltd");
        try (XeroSimulator simulator = XeroSimulator.start(XeroSimulator.Options.defaults()
                .withOrganisations(organisation)
                .withApps(XeroSimulator.App.pkce(XeroSimulator.Options.CLIENT_ID, LocalDate.of(2026, 3, 10),
                        redirect)))) {
            List<Long> ids = OnlineBench.firm("XB", NZD, GST, INVOICES, CONTACTS, ITEMS);
            Connection connection = OnlineBench.signedIn("xero", Map.of("environment", "other", "serviceAddress",
                    simulator.baseUri().toString(), "clientId", XeroSimulator.Options.CLIENT_ID, "redirectUri",
                    redirect.toString(), "salesAccount", "200"), Map.of(MappingKind.TAX_CODE, Map.of(GST.code(),
                            "OUTPUT")), Map.of());
            simulator.server().setLatency(LATENCY);
            simulator.server().clearRequestLog();

            long start = System.nanoTime();
            RunSummary run = Osgi.service(ExportService.class).export(new ExportRequest(connection.id(), ids,
                    System.getProperty("user.name"), false), ExportListener.NONE);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(INVOICES, run.exported(), "every invoice was exported");
            UUID tenant = organisation.tenantId();
            assertEquals(INVOICES, simulator.invoices(tenant).size(), "and is in Xero once");
            report(simulator.server().requestLog(), wall);
        }
    }

    private static void report(List<LoggedRequest> calls, Duration wall) {
        long throttled = calls.stream().filter(c -> c.status() == 429).count();
        long counted = calls.size() - throttled;
        Duration rateFloor = Duration.ofMinutes(Math.max(0, (counted - 1) / 60));
        Duration latencyFloor = LATENCY.multipliedBy(calls.size());
        Duration floor = rateFloor.compareTo(latencyFloor) >= 0 ? rateFloor : latencyFloor;
        System.out.printf("%n[bench] Xero simulator: %,d invoices, %d new contacts, %d new items, %d ms latency, "
                + "60 calls/min, 5 at once, 5,000 a day%n", INVOICES, CONTACTS, ITEMS, LATENCY.toMillis());
        System.out.printf("[bench] API calls: %d (%s); %d throttled answers%n", calls.size(),
                OnlineBench.callsByKind(calls, "/api\\.xro/2\\.0"), throttled);
        System.out.printf("[bench] a call per contact and per invoice would make %d calls (%.0f minutes at 60 a "
                + "minute)%n", INVOICES + CONTACTS * 2 + ITEMS * 2, (INVOICES + CONTACTS * 2 + ITEMS * 2) / 60.0);
        System.out.printf("[bench] wall time %.1f s; floor %.1f s (rate %.0f s, latency %.1f s); ratio %.2f%n%n",
                wall.toMillis() / 1000.0, floor.toMillis() / 1000.0, rateFloor.toSeconds() * 1.0,
                latencyFloor.toMillis() / 1000.0, wall.toMillis() / (double) floor.toMillis());
    }
}
