package org.ledgerport.simulator.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.ledgerport.simulator.support.SimClock;
import org.ledgerport.simulator.support.SimJson;
import org.ledgerport.simulator.xero.XeroSimulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A simulator on a standing clock and a raw HTTP client that talks to it as a desktop app would: sign-in with PKCE
 * through the authorize redirect, then Accounting API calls with the bearer token and xero-tenant-id header.
 */
final class XeroSession implements AutoCloseable {

    static final URI REDIRECT = URI.create("http://127.0.0.1:5000/callback");
    static final String SCOPES = "openid profile email offline_access accounting.invoices accounting.payments "
            + "accounting.contacts accounting.settings";

    static final Instant START = Instant.parse("2026-04-01T09:00:00Z");

    final XeroSimulator sim;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    String accessToken;
    String refreshToken;
    UUID tenant;

    private XeroSession(XeroSimulator sim) {
        this.sim = sim;
    }

    static XeroSession start() {
        return start(options -> options);
    }

    static XeroSession start(UnaryOperator<XeroSimulator.Options> adjust) {
        try {
            return new XeroSession(XeroSimulator.start(adjust.apply(XeroSimulator.Options.defaults()
                    .withClock(SimClock.standingAt(START)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in with PKCE and every organisation, and works in the first one. */
    XeroSession signedIn() {
        JsonNode tokens = signIn(SCOPES);
        accessToken = tokens.get("access_token").asText();
        refreshToken = tokens.path("refresh_token").asText(null);
        tenant = sim.organisations().get(0).tenantId();
        return this;
    }

    UUID tenant(int index) {
        return sim.organisations().get(index).tenantId();
    }

    SimClock clock() {
        return sim.clock();
    }

    // ---- OAuth ----

    static String verifier() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorize endpoint's answer to these parameters (a 302 when it goes back to the app). */
    HttpResponse<String> authorize(Map<String, String> parameters) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/identity/connect/authorize?"
                + form(parameters))).GET().build());
    }

    /** The usual PKCE authorize parameters of the default app. */
    static Map<String, String> authorizeParameters(String scope, String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", XeroSimulator.Options.CLIENT_ID);
        parameters.put("redirect_uri", REDIRECT.toString());
        parameters.put("scope", scope);
        parameters.put("state", "s-" + UUID.randomUUID());
        parameters.put("code_challenge", challenge);
        parameters.put("code_challenge_method", "S256");
        return parameters;
    }

    /** The query parameters of the redirect an authorize answer sends the browser to. */
    static Map<String, String> redirectParameters(HttpResponse<String> answer) {
        assertEquals(302, answer.statusCode(), answer.body());
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return Arrays.stream(location.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> decode(pair[1])));
    }

    HttpResponse<String> token(Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    /** The whole PKCE sign-in; the token answer. */
    JsonNode signIn(String scope) {
        String verifier = verifier();
        String code = redirectParameters(authorize(authorizeParameters(scope, challenge(verifier)))).get("code");
        HttpResponse<String> answer = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT.toString(), "client_id", XeroSimulator.Options.CLIENT_ID,
                "code_verifier", verifier));
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer);
    }

    HttpResponse<String> refresh(String token) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", token, "client_id",
                XeroSimulator.Options.CLIENT_ID));
    }

    // ---- the Accounting API ----

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return call("GET", pathAndQuery, null, headers);
    }

    HttpResponse<String> put(String pathAndQuery, JsonNode body, String... headers) {
        return call("PUT", pathAndQuery, body.toString(), headers);
    }

    HttpResponse<String> post(String pathAndQuery, JsonNode body, String... headers) {
        return call("POST", pathAndQuery, body.toString(), headers);
    }

    /** An API call with the session's token and tenant; {@code headers} are name, value pairs added or replacing. */
    HttpResponse<String> call(String method, String pathAndQuery, String body, String... headers) {
        return send(request(method, pathAndQuery, body, headers));
    }

    HttpRequest request(String method, String pathAndQuery, String body, String... headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", "Bearer " + accessToken);
        all.put("xero-tenant-id", tenant.toString());
        all.put("Accept", "application/json");
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api.xro/2.0"
                + pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        all.forEach((name, value) -> {
            if (value != null) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> answer) {
        try {
            return SimJson.MAPPER.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON (" + answer.statusCode() + "): " + answer.body(), e);
        }
    }

    // ---- bodies ----

    /** {"Invoices":[...]} of the given invoices. */
    static ObjectNode invoices(ObjectNode... invoices) {
        ObjectNode body = SimJson.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("Invoices");
        for (ObjectNode invoice : invoices) {
            list.add(invoice);
        }
        return body;
    }

    /** A sales invoice to a contact by name with one line of 100.00 to account 200 (OUTPUT, 15%). */
    static ObjectNode salesInvoice(String number, String contactName) {
        ObjectNode invoice = SimJson.MAPPER.createObjectNode();
        invoice.put("Type", "ACCREC");
        if (number != null) {
            invoice.put("InvoiceNumber", number);
        }
        invoice.putObject("Contact").put("Name", contactName);
        invoice.put("Date", "2026-03-31");
        invoice.put("DueDate", "2026-04-30");
        invoice.put("LineAmountTypes", "Exclusive");
        invoice.putArray("LineItems").add(line("Consulting", "1", "100.00", "200"));
        return invoice;
    }

    static ObjectNode line(String description, String quantity, String unitAmount, String accountCode) {
        ObjectNode line = SimJson.MAPPER.createObjectNode();
        line.put("Description", description);
        line.put("Quantity", new BigDecimal(quantity));
        line.put("UnitAmount", new BigDecimal(unitAmount));
        line.put("AccountCode", accountCode);
        return line;
    }

    static ObjectNode object() {
        return SimJson.MAPPER.createObjectNode();
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        sim.close();
    }
}
