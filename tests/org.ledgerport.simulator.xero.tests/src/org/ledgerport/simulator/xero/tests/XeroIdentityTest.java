package org.ledgerport.simulator.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.simulator.xero.tests.XeroSession.REDIRECT;
import static org.ledgerport.simulator.xero.tests.XeroSession.SCOPES;
import static org.ledgerport.simulator.xero.tests.XeroSession.authorizeParameters;
import static org.ledgerport.simulator.xero.tests.XeroSession.challenge;
import static org.ledgerport.simulator.xero.tests.XeroSession.json;
import static org.ledgerport.simulator.xero.tests.XeroSession.redirectParameters;
import static org.ledgerport.simulator.xero.tests.XeroSession.verifier;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.xero.XeroSimulator;
import org.ledgerport.simulator.xero.XeroSimulator.App;

import com.fasterxml.jackson.databind.JsonNode;

/** Xero's sign-in, tokens, connections and tenant header, over HTTP. */
class XeroIdentityTest {

    private XeroSession session;

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void pkceWithTheRightVerifierGivesTokensAndAWrongVerifierIsRefused() {
        session = XeroSession.start();
        String verifier = verifier();
        String code = redirectParameters(session.authorize(authorizeParameters(SCOPES, challenge(verifier))))
                .get("code");
        HttpResponse<String> wrong = session.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT.toString(), "client_id", XeroSimulator.Options.CLIENT_ID,
                "code_verifier", verifier()));
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", json(wrong).get("error").asText());

        JsonNode tokens = session.signIn(SCOPES);
        assertEquals(1800, tokens.get("expires_in").asInt());
        assertEquals("Bearer", tokens.get("token_type").asText());
        assertTrue(tokens.get("scope").asText().contains("accounting.invoices"));
        assertFalse(tokens.path("refresh_token").asText().isEmpty());
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() {
        session = XeroSession.start();
        JsonNode tokens = session.signIn("openid accounting.invoices");
        assertFalse(tokens.has("refresh_token"), tokens.toString());
        assertTrue(tokens.has("access_token"));
    }

    @Test
    void theBroadTransactionsScopeIsRefusedToAppsCreatedFromMarch2026() {
        App old = App.pkce("0A1B2C3D4E5F60718293A4B5C6D7E8F9", LocalDate.of(2025, 6, 1), REDIRECT);
        session = XeroSession.start(options -> options.withApps(options.apps().get(0), old));
        Map<String, String> fresh = redirectParameters(session.authorize(authorizeParameters(
                "offline_access accounting.transactions", challenge(verifier()))));
        assertEquals("invalid_scope", fresh.get("error"));

        Map<String, String> parameters = authorizeParameters("offline_access accounting.transactions",
                challenge(verifier()));
        parameters.put("client_id", old.clientId());
        assertTrue(redirectParameters(session.authorize(parameters)).containsKey("code"));
    }

    @Test
    void anUnknownAppOrAnUnregisteredRedirectIsNeverRedirectedTo() {
        session = XeroSession.start();
        Map<String, String> unknownApp = authorizeParameters(SCOPES, challenge(verifier()));
        unknownApp.put("client_id", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
        HttpResponse<String> first = session.authorize(unknownApp);
        assertEquals(400, first.statusCode());
        assertTrue(first.headers().firstValue("Location").isEmpty());

        // Exact match, port included: the app registered port 5000, not 5001.
        Map<String, String> otherPort = authorizeParameters(SCOPES, challenge(verifier()));
        otherPort.put("redirect_uri", "http://127.0.0.1:5001/callback");
        HttpResponse<String> second = session.authorize(otherPort);
        assertEquals(400, second.statusCode());
        assertTrue(second.headers().firstValue("Location").isEmpty());
    }

    @Test
    void onlyS256IsTakenAndAPublicAppMustSendAChallenge() {
        session = XeroSession.start();
        Map<String, String> plain = authorizeParameters(SCOPES, "a-plain-challenge-that-is-long-enough-to-count-0123");
        plain.put("code_challenge_method", "plain");
        assertEquals("invalid_request", redirectParameters(session.authorize(plain)).get("error"));

        Map<String, String> none = authorizeParameters(SCOPES, "x");
        none.remove("code_challenge");
        none.remove("code_challenge_method");
        assertEquals("invalid_request", redirectParameters(session.authorize(none)).get("error"));
    }

    @Test
    void aUserWhoDeclinesSendsTheBrowserBackWithAccessDeniedAndTheState() {
        session = XeroSession.start();
        session.sim.denyNextAuthorization();
        Map<String, String> parameters = authorizeParameters(SCOPES, challenge(verifier()));
        Map<String, String> back = redirectParameters(session.authorize(parameters));
        assertEquals("access_denied", back.get("error"));
        assertEquals(parameters.get("state"), back.get("state"));
    }

    @Test
    void aRefreshTokenIsSingleUseWithA30MinuteGraceForALostAnswer() {
        session = XeroSession.start().signedIn();
        String first = session.refreshToken;
        HttpResponse<String> rotated = session.refresh(first);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String second = json(rotated).get("refresh_token").asText();
        assertNotEquals(first, second);

        // The answer was lost: within the grace the old token works again and gives the newest token.
        session.clock().advance(Duration.ofMinutes(29));
        HttpResponse<String> retried = session.refresh(first);
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals(second, json(retried).get("refresh_token").asText());

        session.clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> late = session.refresh(first);
        assertEquals(400, late.statusCode());
        assertEquals("invalid_grant", json(late).get("error").asText());

        HttpResponse<String> newest = session.refresh(second);
        assertEquals(200, newest.statusCode(), newest.body());
        assertNotEquals(second, json(newest).get("refresh_token").asText());
    }

    @Test
    void aRefreshTokenUnusedFor60DaysIsDead() {
        session = XeroSession.start().signedIn();
        session.clock().advance(Duration.ofDays(59));
        HttpResponse<String> inTime = session.refresh(session.refreshToken);
        assertEquals(200, inTime.statusCode(), inTime.body());
        String next = json(inTime).get("refresh_token").asText();

        session.clock().advance(Duration.ofDays(60));
        HttpResponse<String> late = session.refresh(next);
        assertEquals(400, late.statusCode());
        assertEquals("invalid_grant", json(late).get("error").asText());
    }

    @Test
    void anAccessTokenLasts30MinutesAndAnExpiredOneIsAnsweredTokenExpired() {
        session = XeroSession.start().signedIn();
        session.clock().advance(Duration.ofMinutes(29));
        assertEquals(200, session.get("/Organisation").statusCode());

        session.clock().advance(Duration.ofMinutes(1));
        HttpResponse<String> expired = session.get("/Organisation");
        assertEquals(401, expired.statusCode());
        assertEquals("Unauthorized", json(expired).get("Title").asText());
        assertTrue(json(expired).get("Detail").asText().startsWith("TokenExpired"), expired.body());

        session.accessToken = json(session.refresh(session.refreshToken)).get("access_token").asText();
        assertEquals(200, session.get("/Organisation").statusCode());
        session.sim.authority().expireAccessTokens();
        assertTrue(json(session.get("/Organisation")).get("Detail").asText().startsWith("TokenExpired"));
    }

    @Test
    void connectionsListEveryConnectedOrganisationAndADeletedOneIsForbidden() {
        session = XeroSession.start().signedIn();
        JsonNode connections = json(session.send(connectionsRequest("GET", "")));
        assertEquals(2, connections.size());
        for (int i = 0; i < 2; i++) {
            JsonNode row = connections.get(i);
            assertEquals(session.tenant(i).toString(), row.get("tenantId").asText());
            assertEquals(session.sim.organisations().get(i).name(), row.get("tenantName").asText());
            assertEquals("ORGANISATION", row.get("tenantType").asText());
            assertEquals(connections.get(0).get("authEventId"), row.get("authEventId"));
            assertTrue(row.has("id") && row.has("createdDateUtc") && row.has("updatedDateUtc"));
        }
        session.tenant = session.tenant(1);
        assertEquals(200, session.get("/Organisation").statusCode());

        String second = connections.get(1).get("id").asText();
        assertEquals(204, session.send(connectionsRequest("DELETE", "/" + second)).statusCode());
        assertEquals(1, json(session.send(connectionsRequest("GET", ""))).size());
        assertEquals(403, session.get("/Organisation").statusCode());
    }

    @Test
    void aUserWhoTicksOneOrganisationConnectsOnlyThatOne() {
        session = XeroSession.start();
        session.sim.limitNextAuthorizationTo(session.tenant(1));
        session.signedIn();
        JsonNode connections = json(session.send(connectionsRequest("GET", "")));
        assertEquals(1, connections.size());
        assertEquals(session.tenant(1).toString(), connections.get(0).get("tenantId").asText());
        assertEquals(403, session.get("/Organisation").statusCode());
    }

    @Test
    void everyApiCallNeedsTheTenantHeaderOfAConnectedOrganisation() {
        session = XeroSession.start().signedIn();
        HttpResponse<String> missing = session.get("/Invoices", "xero-tenant-id", null);
        assertEquals(403, missing.statusCode());
        JsonNode body = json(missing);
        assertTrue(body.get("Type").isNull());
        assertEquals("Forbidden", body.get("Title").asText());
        assertEquals(403, body.get("Status").asInt());
        assertEquals("AuthenticationUnsuccessful", body.get("Detail").asText());

        assertEquals(403, session.get("/Invoices", "xero-tenant-id", UUID.randomUUID().toString()).statusCode());
        assertEquals(200, session.get("/Invoices").statusCode());
    }

    @Test
    void aTokenWithoutTheScopeForAnEndpointIsRefused() {
        session = XeroSession.start();
        session.accessToken = session.signIn("offline_access accounting.contacts.read").get("access_token")
                .asText();
        session.tenant = session.tenant(0);
        assertEquals(200, session.get("/Contacts").statusCode());
        HttpResponse<String> invoices = session.get("/Invoices");
        assertEquals(401, invoices.statusCode());
        assertEquals("AuthorizationUnsuccessful", json(invoices).get("Detail").asText());
        assertEquals(401, session.put("/Contacts", XeroSession.object().put("Name", "Read Only Ltd"))
                .statusCode());
    }

    @Test
    void revokingTheRefreshTokenEndsTheTokensAndTheConnections() {
        session = XeroSession.start().signedIn();
        HttpResponse<String> revoked = session.send(HttpRequest.newBuilder(URI.create(session.sim.baseUri()
                + "/identity/connect/revocation")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + session.refreshToken + "&client_id="
                        + XeroSimulator.Options.CLIENT_ID)).build());
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(401, session.get("/Organisation").statusCode());
        assertEquals(400, session.refresh(session.refreshToken).statusCode());

        // The revocation disconnected both organisations: signing in to one leaves only that one connected.
        session.sim.limitNextAuthorizationTo(session.tenant(1));
        session.signedIn();
        JsonNode connections = json(session.send(connectionsRequest("GET", "")));
        assertEquals(1, connections.size());
        assertEquals(session.tenant(1).toString(), connections.get(0).get("tenantId").asText());
    }

    @Test
    void aConfidentialAppAuthenticatesWithBasicOnly() {
        App web = App.confidential("9F8E7D6C5B4A39281706F5E4D3C2B1A0", "s3cret", LocalDate.of(2026, 4, 1),
                URI.create("https://app.example.com/xero/callback"));
        session = XeroSession.start(options -> options.withApps(web));
        Map<String, String> parameters = authorizeParameters(SCOPES, challenge(verifier()));
        parameters.put("client_id", web.clientId());
        parameters.put("redirect_uri", web.redirectUris().get(0).toString());
        parameters.remove("code_challenge");
        parameters.remove("code_challenge_method");
        String code = redirectParameters(session.authorize(parameters)).get("code");
        Map<String, String> inForm = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
                web.redirectUris().get(0).toString(), "client_id", web.clientId(), "client_secret", "s3cret");
        assertEquals(401, session.token(inForm).statusCode());

        String code2 = redirectParameters(session.authorize(parameters)).get("code");
        HttpResponse<String> basic = session.send(HttpRequest.newBuilder(URI.create(session.sim.baseUri()
                + "/identity/connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((web.clientId() + ":s3cret")
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code2
                        + "&redirect_uri=" + web.redirectUris().get(0)))
                .build());
        assertEquals(200, basic.statusCode(), basic.body());
    }

    private HttpRequest connectionsRequest(String method, String suffix) {
        return HttpRequest.newBuilder(URI.create(session.sim.baseUri() + "/connections" + suffix))
                .header("Authorization", "Bearer " + session.accessToken)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
}
