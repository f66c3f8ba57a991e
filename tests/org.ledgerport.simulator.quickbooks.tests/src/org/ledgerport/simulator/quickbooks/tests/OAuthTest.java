package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.support.SimRequest;

/** Sign-in, token exchange, refresh rotation, expiry and revocation as Intuit documents them (reference 1.1). */
class OAuthTest {

    @AutoClose
    private final Qbo qbo = Qbo.start();

    private URI authorize(String redirect, String state) {
        return URI.create(qbo.sim.authorizationUri() + "?client_id=" + qbo.sim.clientId()
                + "&response_type=code&scope=com.intuit.quickbooks.accounting&redirect_uri=" + Qbo.encode(redirect)
                + "&state=" + state);
    }

    private Map<String, String> redirectParameters(Qbo.Reply reply) {
        assertEquals(302, reply.status(), reply.body());
        URI location = URI.create(reply.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(qbo.sim.redirectUri() + "?"), location.toString());
        Map<String, String> parameters = new HashMap<>();
        SimRequest.decodeParameters(location.getRawQuery()).forEach((k, v) -> parameters.put(k, v.get(0)));
        return parameters;
    }

    private JsonNode exchange(String code) {
        Qbo.Reply reply = qbo.token("grant_type=authorization_code&code=" + Qbo.encode(code) + "&redirect_uri="
                + Qbo.encode(qbo.sim.redirectUri().toString()), qbo.sim.clientId(), qbo.sim.clientSecret());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void signInRedirectsWithCodeStateAndRealmAndTheCodeBuysTokensWithBasicAuth() {
        Map<String, String> back = redirectParameters(qbo.send(HttpRequest.newBuilder(authorize(
                qbo.sim.redirectUri().toString(), "csrf-123")).GET().build()));
        assertEquals("csrf-123", back.get("state"));
        assertEquals(qbo.realm, back.get("realmId"));
        JsonNode tokens = exchange(back.get("code"));
        assertEquals("bearer", tokens.path("token_type").asText());
        assertEquals(3600, tokens.path("expires_in").asInt());
        assertEquals(Duration.ofDays(100).toSeconds(), tokens.path("x_refresh_token_expires_in").asLong());
        qbo.accessToken = tokens.path("access_token").asText();
        assertEquals(200, qbo.get("companyinfo/" + qbo.realm).status());

        Qbo.Reply again = qbo.token("grant_type=authorization_code&code=" + Qbo.encode(back.get("code"))
                + "&redirect_uri=" + Qbo.encode(qbo.sim.redirectUri().toString()), qbo.sim.clientId(),
                qbo.sim.clientSecret());
        assertEquals(400, again.status(), "a code is single use");
        assertEquals("invalid_grant", again.json().path("error").asText());
    }

    @Test
    void wrongSecretIsInvalidClientAndFormCredentialsAreNotBasic() {
        Map<String, String> back = redirectParameters(qbo.send(HttpRequest.newBuilder(authorize(
                qbo.sim.redirectUri().toString(), "s")).GET().build()));
        Qbo.Reply wrong = qbo.token("grant_type=authorization_code&code=" + Qbo.encode(back.get("code"))
                + "&redirect_uri=" + Qbo.encode(qbo.sim.redirectUri().toString()), qbo.sim.clientId(), "not-it");
        assertEquals(401, wrong.status());
        assertEquals("invalid_client", wrong.json().path("error").asText());

        Qbo.Reply form = qbo.send(HttpRequest.newBuilder(qbo.sim.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code="
                        + Qbo.encode(back.get("code")) + "&client_id=" + qbo.sim.clientId() + "&client_secret="
                        + qbo.sim.clientSecret())).build());
        assertEquals(401, form.status(), "Intuit takes the client's credentials by HTTP Basic");
    }

    @Test
    void unregisteredRedirectGetsAPageNotARedirectAndADenialRedirectsWithAccessDenied() {
        Qbo.Reply unregistered = qbo.send(HttpRequest.newBuilder(authorize("http://localhost:9999/elsewhere", "s"))
                .GET().build());
        assertEquals(400, unregistered.status());
        assertTrue(unregistered.headers().firstValue("Location").isEmpty());

        qbo.sim.denyNextAuthorization();
        Map<String, String> denied = redirectParameters(qbo.send(HttpRequest.newBuilder(authorize(
                qbo.sim.redirectUri().toString(), "s2")).GET().build()));
        assertEquals("access_denied", denied.get("error"));
        assertEquals("s2", denied.get("state"));
        assertFalse(denied.containsKey("code"));
    }

    @Test
    void refreshTokensRotateAndAUsedUpOneIsInvalidGrant() {
        String first = qbo.sim.connect(qbo.realm).refreshToken();
        JsonNode second = qbo.refresh(first).json();
        String r2 = second.path("refresh_token").asText();
        assertNotEquals(first, r2, "every refresh gives a new refresh token");
        assertTrue(second.path("x_refresh_token_expires_in").asLong() > 0);

        // The answer got lost: the previous token still works and gives the same newest one.
        assertEquals(r2, qbo.refresh(first).json().path("refresh_token").asText());

        Qbo.Reply third = qbo.refresh(r2);
        assertEquals(200, third.status());
        Qbo.Reply usedUp = qbo.refresh(first);
        assertEquals(400, usedUp.status());
        assertEquals("invalid_grant", usedUp.json().path("error").asText());
        assertEquals(3, qbo.sim.oauth().refreshCount());

        String r3 = third.json().path("refresh_token").asText();
        qbo.clock().advance(Duration.ofDays(101));
        Qbo.Reply expired = qbo.refresh(r3);
        assertEquals("invalid_grant", expired.json().path("error").asText(), "unused for 100 days");
    }

    @Test
    void anExpiredAccessTokenIsFault3200AndARefreshedOneWorks() {
        String refresh = qbo.sim.connect(qbo.realm).refreshToken();
        qbo.clock().advance(Duration.ofSeconds(3600));
        Qbo.Reply expired = qbo.get("preferences");
        assertEquals(401, expired.status());
        assertEquals("3200", expired.faultCode());
        assertTrue(expired.json().path("Fault").path("Error").path(0).path("Message").asText()
                .contains("AuthenticationFailed"));

        qbo.accessToken = qbo.refresh(refresh).json().path("access_token").asText();
        assertEquals(200, qbo.get("preferences").status());
    }

    @Test
    void tokensCanExpireInTheMiddleOfARun() {
        qbo.sim.expireAccessTokensAfter(2);
        assertEquals(200, qbo.get("preferences").status());
        assertEquals(200, qbo.get("preferences").status());
        assertEquals(401, qbo.get("preferences").status());
    }

    @Test
    void revokingTheRefreshTokenEndsTheConnection() {
        var tokens = qbo.sim.connect(qbo.realm);
        qbo.accessToken = tokens.accessToken();
        Qbo.Reply revoked = qbo.send(HttpRequest.newBuilder(qbo.sim.revocationUri())
                .header("Authorization", Qbo.basic(qbo.sim.clientId(), qbo.sim.clientSecret()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + tokens.refreshToken() + "\"}")).build());
        assertEquals(200, revoked.status());
        assertEquals("3200", qbo.get("preferences").faultCode());
        assertEquals("invalid_grant", qbo.refresh(tokens.refreshToken()).json().path("error").asText());
    }

    @Test
    void aTokenOfAnotherCompanyIsFault3100() {
        qbo.sim.addCompany(CompanySetup.uk("4620816365000002", "Other Ltd"));
        qbo.accessToken = qbo.sim.connect("4620816365000002").accessToken();
        Qbo.Reply other = qbo.get("preferences");
        assertEquals(403, other.status());
        assertEquals("3100", other.faultCode());
    }
}
