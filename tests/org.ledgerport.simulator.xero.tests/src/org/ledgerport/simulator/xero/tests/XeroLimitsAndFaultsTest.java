package org.ledgerport.simulator.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.simulator.xero.tests.XeroSession.invoices;
import static org.ledgerport.simulator.xero.tests.XeroSession.json;
import static org.ledgerport.simulator.xero.tests.XeroSession.salesInvoice;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.xero.XeroSimulator;

/** Xero's call limits, Idempotency-Key, and the injected faults. */
class XeroLimitsAndFaultsTest {

    private XeroSession session;

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void the61stCallInAMinuteIsRefusedUntilTheMinuteHasPassed() {
        session = XeroSession.start().signedIn();
        for (int call = 1; call <= 60; call++) {
            HttpResponse<String> answer = session.get("/Organisation");
            assertEquals(200, answer.statusCode());
            assertEquals(Integer.toString(60 - call), answer.headers().firstValue("X-MinLimit-Remaining")
                    .orElseThrow());
        }
        HttpResponse<String> refused = session.get("/Organisation");
        assertEquals(429, refused.statusCode());
        assertEquals("minute", refused.headers().firstValue("X-Rate-Limit-Problem").orElseThrow());
        assertEquals("60", refused.headers().firstValue("Retry-After").orElseThrow());
        assertRemainingHeaders(refused);

        session.clock().advance(Duration.ofSeconds(60));
        assertEquals(200, session.get("/Organisation").statusCode());
    }

    @Test
    void aSpentDayBudgetIsNamedDay() {
        session = XeroSession.start(options -> options.withLimits(new XeroSimulator.Limits(60, 70, 5, 10_000)))
                .signedIn();
        for (int call = 0; call < 60; call++) {
            assertEquals(200, session.get("/Organisation").statusCode());
        }
        session.clock().advance(Duration.ofSeconds(61));
        for (int call = 0; call < 10; call++) {
            assertEquals(200, session.get("/Organisation").statusCode());
        }
        HttpResponse<String> refused = session.get("/Organisation");
        assertEquals(429, refused.statusCode());
        assertEquals("day", refused.headers().firstValue("X-Rate-Limit-Problem").orElseThrow());
        assertEquals("0", refused.headers().firstValue("X-DayLimit-Remaining").orElseThrow());
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) > 86_000);

        session.tenant = session.tenant(1);
        assertEquals(200, session.get("/Organisation").statusCode(), "the limits are per organisation");
    }

    @Test
    void aSixthCallInFlightIsRefused() {
        session = XeroSession.start().signedIn();
        session.sim.server().setLatency(Duration.ofSeconds(1));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(session.http.sendAsync(session.request("GET", "/Organisation", null),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertEquals(1, refused.size());
        assertEquals(5, answers.stream().filter(a -> a.statusCode() == 200).count());
        assertEquals("concurrent", refused.get(0).headers().firstValue("X-Rate-Limit-Problem").orElseThrow());
        assertTrue(refused.get(0).headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void everyAnswerCarriesTheRemainingCalls() {
        session = XeroSession.start().signedIn();
        assertRemainingHeaders(session.get("/Organisation"));
        assertRemainingHeaders(session.get("/Invoices/INV-9999"));
        HttpResponse<String> invalid = session.put("/Invoices", invoices(salesInvoice("X", "Acme").put("Type", "")));
        assertEquals(400, invalid.statusCode());
        assertRemainingHeaders(invalid);
        HttpResponse<String> first = session.get("/Organisation");
        HttpResponse<String> second = session.get("/Organisation");
        assertEquals(Integer.parseInt(first.headers().firstValue("X-DayLimit-Remaining").orElseThrow()) - 1,
                Integer.parseInt(second.headers().firstValue("X-DayLimit-Remaining").orElseThrow()));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherRequest() {
        session = XeroSession.start().signedIn();
        HttpResponse<String> first = session.put("/Invoices", invoices(salesInvoice(null, "Acme")),
                "Idempotency-Key", "lp-invoice-17-v1");
        assertEquals(200, first.statusCode());
        HttpResponse<String> replay = session.put("/Invoices", invoices(salesInvoice(null, "Acme")),
                "Idempotency-Key", "lp-invoice-17-v1");
        assertEquals(200, replay.statusCode());
        assertEquals(json(first).at("/Invoices/0/InvoiceID"), json(replay).at("/Invoices/0/InvoiceID"));
        assertEquals(1, session.sim.invoices(session.tenant).size());

        HttpResponse<String> other = session.put("/Invoices", invoices(salesInvoice(null, "Someone Else")),
                "Idempotency-Key", "lp-invoice-17-v1");
        assertEquals(400, other.statusCode());
        assertTrue(json(other).get("Detail").asText().contains("already used for a different request"));
        assertEquals(1, session.sim.invoices(session.tenant).size());

        assertEquals(400, session.put("/Invoices", invoices(salesInvoice(null, "Acme")), "Idempotency-Key",
                "k".repeat(129)).statusCode());
    }

    @Test
    void anAnswerLostAfterTheWorkWasDoneLeavesTheInvoiceCreated() {
        session = XeroSession.start().signedIn();
        session.sim.server().dropResponseAfterCommit(request -> request.method().equals("PUT"), 1);
        assertThrows(UncheckedIOException.class, () -> session.put("/Invoices",
                invoices(salesInvoice("LP-1", "Acme")), "Idempotency-Key", "lp-1-v1"));
        assertEquals(1, session.sim.invoices(session.tenant).size(), "Xero committed before the answer was lost");
        assertTrue(session.sim.server().requestLog().stream().anyMatch(r -> r.is("PUT", "/Invoices")
                && r.status() == 0));

        HttpResponse<String> retried = session.put("/Invoices", invoices(salesInvoice("LP-1", "Acme")),
                "Idempotency-Key", "lp-1-v1");
        assertEquals(200, retried.statusCode());
        assertEquals(session.sim.invoices(session.tenant).get(0).invoiceId().toString(),
                json(retried).at("/Invoices/0/InvoiceID").asText());
        HttpResponse<String> withoutKey = session.put("/Invoices", invoices(salesInvoice("LP-1", "Acme")));
        assertEquals("Invoice # must be unique.", json(withoutKey).at("/Elements/0/ValidationErrors/0/Message")
                .asText());
        assertEquals(1, session.sim.invoices(session.tenant).size());
    }

    @Test
    void anInjectedServerErrorDoesNoWork() {
        session = XeroSession.start().signedIn();
        session.sim.server().failNext(1, 503);
        HttpResponse<String> failed = session.put("/Invoices", invoices(salesInvoice(null, "Acme")));
        assertEquals(503, failed.statusCode());
        assertEquals(503, json(failed).get("Status").asInt());
        assertTrue(session.sim.invoices(session.tenant).isEmpty());
        assertEquals(200, session.put("/Invoices", invoices(salesInvoice(null, "Acme"))).statusCode());
        long puts = session.sim.server().requestLog().stream().filter(r -> r.is("PUT", "/Invoices")).count();
        assertEquals(2, puts);
    }

    @Test
    void latencyDelaysEveryCall() {
        session = XeroSession.start().signedIn();
        session.sim.server().setLatency(Duration.ofMillis(250));
        long started = System.nanoTime();
        assertEquals(200, session.get("/Organisation").statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 250);
    }

    @Test
    void aCallNotAskingForJsonIsRefusedUncountedAndABodyThatIsNotJsonIsPostDataInvalid() {
        session = XeroSession.start().signedIn();
        HttpResponse<String> xml = session.get("/Organisation", "Accept", "application/xml");
        assertEquals(406, xml.statusCode());
        assertEquals("60", xml.headers().firstValue("X-MinLimit-Remaining").orElseThrow());
        HttpResponse<String> notJson = session.call("PUT", "/Invoices", "{\"Invoices\": [");
        assertEquals(400, notJson.statusCode());
        assertEquals("PostDataInvalidException", json(notJson).get("Type").asText());
        assertTrue(session.sim.invoices(session.tenant).isEmpty());
    }

    private static void assertRemainingHeaders(HttpResponse<String> answer) {
        for (String header : List.of("X-DayLimit-Remaining", "X-MinLimit-Remaining", "X-AppMinLimit-Remaining")) {
            assertTrue(answer.headers().firstValue(header).isPresent(), header + " on " + answer.statusCode());
        }
    }
}
