package org.ledgerport.connector.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.SignIn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OAuth 2.0 authorization code flow with one vendor's authorization server: the sign-in in the system browser
 * (with state, and PKCE where the vendor takes it), the code exchange, refresh and revocation.
 */
public final class OAuthFlow {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VendorHttp http;
    private final OAuthEndpoints endpoints;
    private final OAuthClient client;
    private final Clock clock;

    public OAuthFlow(VendorHttp http, OAuthEndpoints endpoints, OAuthClient client, Clock clock) {
        this.http = http;
        this.endpoints = endpoints;
        this.client = client;
        this.clock = clock;
    }

    /**
     * A finished sign-in.
     *
     * @param redirectParameters everything the vendor put on the redirect (QuickBooks' realmId, for one)
     */
    public record Authorization(TokenSet tokens, Map<String, String> redirectParameters) {
    }

    /**
     * Signs in through the system browser. A redirect to this computer is received by a {@link LoopbackReceiver};
     * any other redirect (a registered https page) is pasted back by the user through {@code signIn}.
     */
    public Authorization signIn(SignIn signIn, URI redirect, Collection<String> scopes, boolean pkce,
            Map<String, String> extraParameters) throws ConnectorException, InterruptedException {
        String state = randomToken(32);
        String verifier = randomToken(64);
        LoopbackReceiver receiver = LoopbackReceiver.isLoopback(redirect)
                ? LoopbackReceiver.listen(redirect, http.vendor())
                : null;
        try {
            URI redirectTo = receiver == null ? redirect : receiver.redirectUri();
            CompletionStage<URI> received = receiver == null ? new CompletableFuture<>() : receiver.received();
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", client.clientId());
            query.put("redirect_uri", redirectTo.toString());
            query.put("scope", String.join(" ", scopes));
            query.put("state", state);
            if (pkce) {
                query.put("code_challenge", challenge(verifier));
                query.put("code_challenge_method", "S256");
            }
            query.putAll(extraParameters);
            URI page = URI.create(endpoints.authorize() + (endpoints.authorize().getRawQuery() == null ? "?" : "&")
                    + HttpCall.form(endpoints.authorize(), query).body());
            Map<String, String> answer = parameters(signIn.authorize(page, redirectTo, received));
            if (!state.equals(answer.get("state"))) {
                throw HttpProblems.signInFailed(http.vendor(), "the answer that came back does not belong to this "
                        + "sign-in. Start the sign-in again, and paste the address of the page the sign-in ended on.",
                        "state");
            }
            if (answer.containsKey("error")) {
                throw refused(answer.get("error"), answer.getOrDefault("error_description", ""));
            }
            String code = answer.get("code");
            if (code == null || code.isBlank()) {
                throw HttpProblems.signInFailed(http.vendor(), "the answer carried no authorization code. Start "
                        + "the sign-in again.", "");
            }
            Map<String, String> exchange = new LinkedHashMap<>();
            exchange.put("grant_type", "authorization_code");
            exchange.put("code", code);
            exchange.put("redirect_uri", redirectTo.toString());
            if (pkce) {
                exchange.put("code_verifier", verifier);
            }
            HttpReply reply = tokenCall(exchange);
            if (!reply.successful()) {
                throw tokenFailure(reply, false);
            }
            return new Authorization(tokens(reply), answer);
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    /**
     * Exchanges a refresh token for new tokens. A lost answer is retried once with the same token, as vendors
     * that rotate tokens allow for exactly that case.
     *
     * @throws ConnectorException {@link HttpProblems#RECONNECT_NEEDED} when the vendor refuses the token
     */
    public TokenSet refresh(String refreshToken) throws ConnectorException {
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", refreshToken);
        HttpReply reply;
        try {
            reply = tokenCall(form);
        } catch (ConnectorException lost) {
            reply = tokenCall(form);
        }
        if (!reply.successful()) {
            throw tokenFailure(reply, true);
        }
        return tokens(reply);
    }

    /** Revokes a token at the vendor, where the vendor has a revocation endpoint. */
    public void revoke(String token) throws ConnectorException {
        if (endpoints.revoke() == null) {
            return;
        }
        HttpReply reply = http.send(authenticate(HttpCall.form(endpoints.revoke(), clientFields(Map.of("token",
                token)))));
        if (!reply.successful() && reply.status() != 400) {
            throw HttpProblems.unavailable(http.vendor(), reply, false);
        }
    }

    private HttpReply tokenCall(Map<String, String> fields) throws ConnectorException {
        return http.send(authenticate(HttpCall.form(endpoints.token(), clientFields(fields))));
    }

    private Map<String, String> clientFields(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (!client.confidential()) {
            all.put("client_id", client.clientId());
        }
        return all;
    }

    private HttpCall authenticate(HttpCall call) {
        if (!client.confidential()) {
            return call;
        }
        String pair = client.clientId() + ":" + client.clientSecret();
        return call.withHeader("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private TokenSet tokens(HttpReply reply) throws ConnectorException {
        JsonNode json = parse(reply);
        String access = json.path("access_token").asText("");
        if (access.isEmpty()) {
            throw HttpProblems.signInFailed(http.vendor(), "its answer held no access token.", "");
        }
        Instant now = clock.instant();
        Instant accessExpires = now.plusSeconds(json.path("expires_in").asLong(3600));
        long refreshSeconds = json.path("x_refresh_token_expires_in").asLong(
                json.path("refresh_token_expires_in").asLong(0));
        return new TokenSet(access, accessExpires, json.path("refresh_token").asText(""),
                refreshSeconds > 0 ? now.plusSeconds(refreshSeconds) : null);
    }

    private ConnectorException tokenFailure(HttpReply reply, boolean refreshing) {
        if (reply.status() >= 500) {
            return HttpProblems.unavailable(http.vendor(), reply, false);
        }
        JsonNode json;
        try {
            json = parse(reply);
        } catch (ConnectorException unreadable) {
            return unreadable;
        }
        String error = json.path("error").asText("");
        String description = json.path("error_description").asText("");
        if (reply.status() == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            return HttpProblems.signInFailed(http.vendor(), "it does not accept the app's client id or secret. "
                    + "Check them against the app in the vendor's developer portal and enter them again in the "
                    + "connection's settings.", error);
        }
        if (refreshing && "invalid_grant".equals(error)) {
            return HttpProblems.reconnectNeeded(http.vendor(), "this connection", description);
        }
        if ("invalid_scope".equals(error)) {
            return HttpProblems.signInFailed(http.vendor(), "the app may not ask for the access Ledgerport needs ("
                    + description + "). Check the app's scopes in the vendor's developer portal.", error);
        }
        return HttpProblems.signInFailed(http.vendor(), "the code from the browser was refused (" + error
                + (description.isEmpty() ? "" : ": " + description) + "). Start the sign-in again.", error);
    }

    private ConnectorException refused(String error, String description) {
        if ("access_denied".equals(error)) {
            return HttpProblems.signInFailed(http.vendor(), "access was declined on the vendor's page. Sign in "
                    + "again and choose Connect (only an administrator of the company can).", error);
        }
        return HttpProblems.signInFailed(http.vendor(), "the vendor answered '" + error + "'"
                + (description.isEmpty() ? "" : " (" + description + ")") + ". Check the connection's settings "
                + "(client id, redirect address) and sign in again.", error);
    }

    private JsonNode parse(HttpReply reply) throws ConnectorException {
        try {
            return JSON.readTree(reply.body().isEmpty() ? "{}" : reply.body());
        } catch (JsonProcessingException e) {
            throw HttpProblems.unavailable(http.vendor(), reply, false);
        }
    }

    /** The query parameters of a redirect, decoded. */
    public static Map<String, String> parameters(URI redirect) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = redirect.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
