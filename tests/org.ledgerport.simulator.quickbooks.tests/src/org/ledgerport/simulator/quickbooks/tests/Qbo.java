package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.simulator.quickbooks.Ledger;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.SimClock;
import org.ledgerport.simulator.support.SimJson;

/** A simulator with a raw HTTP client connected to its first company, as the tests talk to it. */
final class Qbo implements AutoCloseable {

    /** A standing clock, so limits and timestamps are exact; tests move it on. */
    static final Instant START = Instant.parse("2025-03-03T17:00:00Z");

    /** The answer to one call. */
    record Reply(int status, String body, HttpHeaders headers) {

        JsonNode json() {
            try {
                return SimJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        String faultCode() {
            return json().path("Fault").path("Error").path(0).path("code").asText();
        }

        String faultDetail() {
            return json().path("Fault").path("Error").path(0).path("Detail").asText();
        }
    }

    final QuickBooksSimulator sim;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    final String realm;
    String accessToken;

    private Qbo(QuickBooksSimulator sim) {
        this.sim = sim;
        this.realm = sim.defaultCompany().realmId();
        this.accessToken = sim.connect(realm).accessToken();
    }

    static Qbo start() {
        return start(QuickBooksSimulator.Options.defaults().withClock(SimClock.standingAt(START)));
    }

    static Qbo start(QuickBooksSimulator.Options options) {
        try {
            return new Qbo(QuickBooksSimulator.start(options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh access token, after the test moved the clock past the last one's hour. */
    void reconnect() {
        accessToken = sim.connect(realm).accessToken();
    }

    Ledger ledger() {
        return sim.defaultCompany();
    }

    SimClock clock() {
        return sim.clock();
    }

    String id(String entity, String name) {
        return ledger().idOf(entity, name);
    }

    // ---- the Accounting API ----

    Reply get(String pathAndQuery) {
        return send(api(pathAndQuery).GET().build());
    }

    Reply post(String pathAndQuery, String json) {
        return send(api(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply postBytes(String pathAndQuery, byte[] body) {
        return send(api(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Reply query(String select) {
        return get("query?query=" + encode(select) + "&minorversion=75");
    }

    /** Creates an invoice through the API and answers it; fails the test on a refusal. */
    ObjectNode createInvoice(String json) {
        Reply reply = post("invoice", json);
        assertEquals(200, reply.status(), reply.body());
        return (ObjectNode) reply.json().path("Invoice");
    }

    /** An invoice body: one sales line of the item for the customer, plus any more header fields. */
    String invoiceFor(String customer, String item, String qty, String unitPrice, String moreFields) {
        return """
                {"CustomerRef":{"value":"%s"},
                 "Line":[{"DetailType":"SalesItemLineDetail","Description":"Work",
                          "SalesItemLineDetail":{"ItemRef":{"value":"%s"},"Qty":%s,"UnitPrice":%s}}]%s}
                """.formatted(id("Customer", customer), id("Item", item), qty, unitPrice,
                moreFields.isEmpty() ? "" : "," + moreFields);
    }

    HttpRequest.Builder api(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(sim.companyUri(realm) + "/" + pathAndQuery))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20));
    }

    // ---- OAuth ----

    Reply token(String form, String clientId, String secret) {
        return send(HttpRequest.newBuilder(sim.tokenUri())
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    Reply refresh(String refreshToken) {
        return token("grant_type=refresh_token&refresh_token=" + encode(refreshToken), sim.clientId(),
                sim.clientSecret());
    }

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.shutdownNow();
        sim.close();
    }
}
