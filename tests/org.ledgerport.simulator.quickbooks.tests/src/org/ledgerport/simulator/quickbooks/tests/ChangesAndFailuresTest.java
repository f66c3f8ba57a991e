package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.quickbooks.Limits;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.SimClock;

/**
 * Change data capture (reference 1.6), at most 1000 objects an answer, and the failure controls: lost answers,
 * injected errors, latency.
 */
class ChangesAndFailuresTest {

    @AutoClose
    private final Qbo qbo = Qbo.start();

    private String now() {
        return OffsetDateTime.ofInstant(qbo.clock().instant(), ZoneOffset.UTC).toString();
    }

    @Test
    void changesSinceComeWithPaymentsAndDeletionsAndMoreThanThirtyDaysBackIsRefused() {
        String paid = qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "1", "25", "")).path("Id").asText();
        String deleted = qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "2", "25", "")).path("Id").asText();
        String untouched = qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "3", "25", "")).path("Id")
                .asText();
        qbo.clock().advance(Duration.ofHours(1));
        String since = now();
        qbo.clock().advance(Duration.ofMinutes(1));
        qbo.ledger().markPaid(paid);
        qbo.ledger().deleteInvoice(deleted);
        qbo.reconnect();

        Qbo.Reply reply = qbo.get("cdc?entities=Invoice,Customer&changedSince=" + Qbo.encode(since));
        assertEquals(200, reply.status(), reply.body());
        JsonNode responses = reply.json().path("CDCResponse").path(0).path("QueryResponse");
        Map<String, JsonNode> invoices = new HashMap<>();
        responses.path(0).path("Invoice").forEach(i -> invoices.put(i.path("Id").asText(), i));
        assertEquals(2, invoices.size(), invoices.keySet() + " (not " + untouched + ")");
        assertEquals(0, invoices.get(paid).path("Balance").decimalValue().signum());
        assertEquals("Deleted", invoices.get(deleted).path("status").asText());
        assertEquals(0, responses.path(1).size(), "no customer changed");

        qbo.clock().advance(Duration.ofDays(31));
        qbo.reconnect();
        Qbo.Reply tooOld = qbo.get("cdc?entities=Invoice&changedSince=" + Qbo.encode(since));
        assertEquals(400, tooOld.status());
        assertTrue(tooOld.faultDetail().contains("30 days"), tooOld.faultDetail());
        assertEquals(400, qbo.get("cdc?entities=TaxCode&changedSince=" + Qbo.encode(now())).status(),
                "TaxCode is not reported by change data capture");
    }

    @Test
    void changeDataCaptureAnswersWithAtMostAThousandObjectsTheOldestFirst() {
        try (Qbo many = Qbo.start(QuickBooksSimulator.Options.defaults().withClock(SimClock.standingAt(Qbo.START))
                .withLimits(new Limits(100_000, 10, 1000, 30)))) {
            String since = OffsetDateTime.ofInstant(many.clock().instant(), ZoneOffset.UTC).toString();
            String cars = many.id("Customer", "Cool Cars");
            String widget = many.id("Item", "Widget");
            for (int batch = 0; batch < 35; batch++) {
                many.clock().advance(Duration.ofSeconds(1));
                StringJoiner items = new StringJoiner(",", "{\"BatchItemRequest\":[", "]}");
                for (int i = 0; i < 30; i++) {
                    items.add("""
                            {"bId":"b%d","operation":"create","Invoice":{"CustomerRef":{"value":"%s"},"Line":[
                             {"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{"ItemRef":{"value":"%s"}}}]}}
                            """.formatted(i, cars, widget));
                }
                assertEquals(200, many.post("batch", items.toString()).status());
            }

            JsonNode first = many.get("cdc?entities=Invoice&changedSince=" + Qbo.encode(since)).json()
                    .at("/CDCResponse/0/QueryResponse/0/Invoice");

            assertEquals(1000, first.size(), "1050 changed; at most 1000 in one answer");
            String latest = first.get(999).at("/MetaData/LastUpdatedTime").asText();
            for (int i = 1; i < first.size(); i++) {
                assertTrue(OffsetDateTime.parse(first.get(i - 1).at("/MetaData/LastUpdatedTime").asText())
                        .compareTo(OffsetDateTime.parse(first.get(i).at("/MetaData/LastUpdatedTime").asText())) <= 0,
                        "oldest first");
            }
            JsonNode rest = many.get("cdc?entities=Invoice&changedSince=" + Qbo.encode(latest)).json()
                    .at("/CDCResponse/0/QueryResponse/0/Invoice");
            assertEquals(60, rest.size(), "the last second's 30 of the first answer again, and the 30 after it");
        }
    }

    @Test
    void aLostAnswerLeavesTheInvoiceCreated() {
        qbo.sim.server().dropResponseAfterCommit(r -> r.method().equals("POST") && r.path().endsWith("/invoice"), 1);
        String body = qbo.invoiceFor("Cool Cars", "Widget", "1", "25", "");
        assertThrows(UncheckedIOException.class, () -> qbo.post("invoice", body));
        assertEquals(1, qbo.ledger().invoices().size(), "the work was done though no answer came");
        assertEquals(0, qbo.sim.server().requestLog().getLast().status());
        assertEquals(200, qbo.post("invoice", body).status());
        assertEquals(2, qbo.ledger().invoices().size(), "only the next one was dropped");
    }

    @Test
    void injectedFailuresAnswerWithoutDoingTheWork() {
        String body = qbo.invoiceFor("Cool Cars", "Widget", "1", "25", "");
        qbo.sim.server().failNext(1, 503);
        Qbo.Reply unavailable = qbo.post("invoice", body);
        assertEquals(503, unavailable.status());
        assertTrue(unavailable.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        qbo.sim.server().failNext(1, 500);
        Qbo.Reply error = qbo.post("invoice", body);
        assertEquals(500, error.status());
        assertEquals("SystemFault", error.json().path("Fault").path("type").asText());
        assertTrue(qbo.ledger().invoices().isEmpty());
        assertEquals(200, qbo.post("invoice", body).status());
    }

    @Test
    void latencyDelaysEveryAnswer() {
        qbo.sim.server().setLatency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertEquals(200, qbo.get("preferences").status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
    }
}
