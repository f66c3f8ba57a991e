package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.quickbooks.Limits;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.SimClock;

/** 500 calls per minute, 10 at once, 40 batches per minute, answered with 429 ThrottleExceeded (reference 1.5). */
class LimitsTest {

    private Qbo qbo;

    @AfterEach
    void stop() {
        qbo.close();
    }

    private static String queries(int count) {
        StringJoiner items = new StringJoiner(",", "{\"BatchItemRequest\":[", "]}");
        for (int i = 0; i < count; i++) {
            items.add("{\"bId\":\"q" + i + "\",\"Query\":\"select * from Item where Name = 'Widget'\"}");
        }
        return items.toString();
    }

    @Test
    void the501stCallInAMinuteIsThrottledWithTheDocumentedFault() {
        qbo = Qbo.start();
        for (int i = 0; i < 500; i++) {
            assertEquals(200, qbo.get("preferences").status(), "call " + (i + 1));
        }
        Qbo.Reply throttled = qbo.get("preferences");
        assertEquals(429, throttled.status());
        assertEquals("3001", throttled.faultCode());
        assertTrue(throttled.json().path("Fault").path("Error").path(0).path("Message").asText()
                .contains("ThrottleExceeded"));
        assertEquals("60", throttled.headers().firstValue("Retry-After").orElseThrow());

        qbo.clock().advance(Duration.ofSeconds(60));
        assertEquals(200, qbo.get("preferences").status(), "the window has moved on");
    }

    @Test
    void the41stBatchInAMinuteIsThrottledAndEachOperationCountsAsACall() {
        qbo = Qbo.start();
        for (int i = 0; i < 40; i++) {
            assertEquals(200, qbo.post("batch", queries(1)).status(), "batch " + (i + 1));
        }
        Qbo.Reply fortyFirst = qbo.post("batch", queries(1));
        assertEquals(429, fortyFirst.status());
        assertEquals("3001", fortyFirst.faultCode());

        qbo.clock().advance(Duration.ofMinutes(1));
        for (int i = 0; i < 16; i++) {
            assertEquals(200, qbo.post("batch", queries(30)).status(), "batch " + (i + 1) + " of 30");
        }
        assertEquals(429, qbo.post("batch", queries(30)).status(), "480 + 30 operations is more than 500");
        assertEquals(200, qbo.get("preferences").status(), "a refused batch used none of the minute's calls");
    }

    @Test
    void theEleventhConcurrentCallIsThrottled() {
        qbo = Qbo.start();
        qbo.sim.server().setLatency(Duration.ofMillis(1500));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            calls.add(qbo.http.sendAsync(qbo.api("preferences").GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = calls.stream().map(c -> c.join().statusCode()).sorted().toList();
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429), statuses);
        assertTrue(qbo.sim.server().maxConcurrency() >= 11);
    }

    @Test
    void someThrottledAnswersComeAsXml() {
        qbo = Qbo.start(QuickBooksSimulator.Options.defaults().withClock(SimClock.standingAt(Qbo.START))
                .withLimits(new Limits(2, 10, 40, 30)).withXmlThrottleEvery(3));
        qbo.get("preferences");
        qbo.get("preferences");
        assertEquals("3001", qbo.get("preferences").faultCode());
        assertEquals("3001", qbo.get("preferences").faultCode());
        Qbo.Reply xml = qbo.get("preferences");
        assertEquals(429, xml.status());
        assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertTrue(xml.body().contains("<Error code=\"3001\">"), xml.body());
    }
}
