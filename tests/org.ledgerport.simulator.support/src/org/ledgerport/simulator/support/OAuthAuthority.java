package org.ledgerport.simulator.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The token side of OAuth 2.0 (RFC 6749, RFC 7009 revocation, RFC 7636 PKCE) as a vendor runs it: registered
 * clients, single-use authorization codes, access tokens that expire, refresh tokens that rotate on every use.
 * The vendor simulator owns the pages and the endpoints' paths; this class decides and answers. Errors are the RFC's
 * JSON ({@code {"error":"invalid_grant","error_description":...}}): 400, or 401 for {@code invalid_client}.
 */
public final class OAuthAuthority {

    /**
     * An app registered with the vendor.
     *
     * @param secret       null for a public client, which must use PKCE instead
     * @param redirectUris the redirect addresses, matched exactly
     * @param scopes       the scopes it may ask for
     */
    public record Client(String clientId, String secret, List<URI> redirectUris, Set<String> scopes) {

        public Client {
            Objects.requireNonNull(clientId);
            redirectUris = List.copyOf(redirectUris);
            scopes = Set.copyOf(scopes);
        }

        public static Client confidential(String clientId, String secret, List<URI> redirectUris,
                Set<String> scopes) {
            return new Client(clientId, Objects.requireNonNull(secret), redirectUris, scopes);
        }

        public static Client publicClient(String clientId, List<URI> redirectUris, Set<String> scopes) {
            return new Client(clientId, null, redirectUris, scopes);
        }

        public boolean isPublic() {
            return secret == null;
        }
    }

    /** When a refresh token that was used (and so replaced) stops working. */
    public enum Rotation {
        /** It keeps working, answering with the grant's newest refresh token, until that newer one is used. */
        UNTIL_SUCCESSOR_USED,
        /** It keeps working, answering with the grant's newest refresh token, for a grace period after first use. */
        GRACE_PERIOD
    }

    /**
     * A vendor's token rules.
     *
     * @param refreshTokenIdleLifetime how long a refresh token lives unused; each refresh gives a new one
     * @param refreshTokenMaxLifetime  how long any refresh token of one authorization can live at most
     * @param rotationGrace            for {@link Rotation#GRACE_PERIOD}, how long a used token keeps working
     * @param basicAuthOnly            whether confidential clients must authenticate with HTTP Basic (not form
     *                                 fields)
     * @param tokenType                the token_type answered ("bearer", "Bearer")
     * @param offlineScope             the scope without which no refresh token is issued; empty when refresh tokens
     *                                 are always issued
     */
    public record Policy(Duration accessTokenLifetime, Duration codeLifetime, Duration refreshTokenIdleLifetime,
            Duration refreshTokenMaxLifetime, Rotation rotation, Duration rotationGrace, boolean basicAuthOnly,
            String tokenType, String offlineScope) {

        public Policy {
            Objects.requireNonNull(accessTokenLifetime);
            Objects.requireNonNull(codeLifetime);
            Objects.requireNonNull(refreshTokenIdleLifetime);
            Objects.requireNonNull(refreshTokenMaxLifetime);
            Objects.requireNonNull(rotation);
            Objects.requireNonNull(rotationGrace);
            Objects.requireNonNull(tokenType);
            offlineScope = offlineScope == null ? "" : offlineScope;
        }

        public Policy withAccessTokenLifetime(Duration lifetime) {
            return new Policy(lifetime, codeLifetime, refreshTokenIdleLifetime, refreshTokenMaxLifetime, rotation,
                    rotationGrace, basicAuthOnly, tokenType, offlineScope);
        }

        public Policy withRefreshTokenIdleLifetime(Duration lifetime) {
            return new Policy(accessTokenLifetime, codeLifetime, lifetime, refreshTokenMaxLifetime, rotation,
                    rotationGrace, basicAuthOnly, tokenType, offlineScope);
        }
    }

    /** One authorization: a user let a client at something (a QuickBooks realm, a Xero user's connections). */
    public record Grant(String grantId, String clientId, String subject, Set<String> scopes, Instant authorizedAt) {
    }

    /**
     * Tokens just issued.
     *
     * @param refreshToken null when none was issued
     */
    public record IssuedTokens(Grant grant, String accessToken, Duration accessExpiresIn, String refreshToken,
            Duration refreshExpiresIn) {
    }

    /** A checked authorization request, to be answered with a code (or a denial) by the vendor's page. */
    public record Authorization(Client client, URI redirectUri, String state, Set<String> scopes,
            String codeChallenge, String codeChallengeMethod) {

        /** Where to send the browser back to, with {@code parameters} and the state. */
        public URI redirect(Map<String, String> parameters) {
            Map<String, String> all = new LinkedHashMap<>(parameters);
            if (state != null) {
                all.put("state", state);
            }
            return withParameters(redirectUri, all);
        }

        /** The redirect for a user who said no. */
        public SimResponse denied() {
            return SimResponse.redirect(redirect(Map.of("error", "access_denied")));
        }
    }

    /** The outcome of checking an authorization request: either an authorization or the answer refusing it. */
    public record AuthorizationCheck(Authorization authorization, SimResponse refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    public enum AccessStatus {
        VALID, MISSING, UNKNOWN, EXPIRED, REVOKED
    }

    /** What an API call's access token is worth; {@code grant} is null unless the token is known. */
    public record AccessCheck(AccessStatus status, Grant grant) {

        public boolean valid() {
            return status == AccessStatus.VALID;
        }
    }

    private static final class GrantState {
        final Grant grant;
        boolean revoked;
        String newestRefresh;

        GrantState(Grant grant) {
            this.grant = grant;
        }
    }

    private static final class RefreshState {
        final GrantState grant;
        final String previous;
        Instant expiresAt;
        Instant firstUsedAt;
        /** Replaced, and its successor used: never valid again. */
        boolean dead;

        RefreshState(GrantState grant, String previous, Instant expiresAt) {
            this.grant = grant;
            this.previous = previous;
            this.expiresAt = expiresAt;
        }
    }

    private record AccessState(GrantState grant, Instant issuedAt, Instant expiresAt) {
    }

    private record CodeState(Authorization authorization, String subject, Instant expiresAt) {
    }

    private final SimClock clock;
    private final Policy policy;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, CodeState> codes = new HashMap<>();
    private final Map<String, GrantState> codeGrants = new HashMap<>();
    private final Map<String, AccessState> accessTokens = new HashMap<>();
    private final Map<String, RefreshState> refreshTokens = new HashMap<>();
    private final List<GrantState> grants = new ArrayList<>();
    /** Access tokens issued before this instant count as expired (see {@link #expireAccessTokens()}). */
    private Instant accessExpiredBefore = Instant.MIN;
    private int refreshes;

    public OAuthAuthority(SimClock clock, Policy policy) {
        this.clock = Objects.requireNonNull(clock);
        this.policy = Objects.requireNonNull(policy);
    }

    public Policy policy() {
        return policy;
    }

    public synchronized void register(Client client) {
        clients.put(client.clientId(), client);
    }

    public synchronized Optional<Client> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    // ---- authorization endpoint ----

    /**
     * Checks an authorization request's client_id, redirect_uri, response_type, scope and PKCE parameters. An
     * unknown client or redirect address is refused with a 400 page and never redirected to; other faults redirect
     * back with the RFC's error.
     */
    public synchronized AuthorizationCheck checkAuthorization(SimRequest request) {
        String clientId = request.queryParam("client_id").orElse("");
        Client client = clients.get(clientId);
        if (client == null) {
            return refusedPage("The app (client_id '" + clientId + "') is not registered.");
        }
        String redirect = request.queryParam("redirect_uri").orElse("");
        if (client.redirectUris().stream().noneMatch(u -> u.toString().equals(redirect))) {
            return refusedPage("The redirect_uri '" + redirect + "' is not one registered for this app.");
        }
        String state = request.queryParam("state").orElse(null);
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(request.queryParam("scope").orElse("").strip()
                .split("\\s+")));
        scopes.remove("");
        String challenge = request.queryParam("code_challenge").orElse(null);
        String method = request.queryParam("code_challenge_method").orElse(challenge == null ? null : "plain");
        Authorization authorization = new Authorization(client, URI.create(redirect), state, Set.copyOf(scopes),
                challenge, method);
        if (!"code".equals(request.queryParam("response_type").orElse(""))) {
            return refusedRedirect(authorization, "unsupported_response_type");
        }
        if (scopes.isEmpty() || !client.scopes().containsAll(scopes)) {
            return refusedRedirect(authorization, "invalid_scope");
        }
        if (challenge != null && !method.equals("S256") && !method.equals("plain")) {
            return refusedRedirect(authorization, "invalid_request");
        }
        if (client.isPublic() && challenge == null) {
            return refusedRedirect(authorization, "invalid_request");
        }
        return new AuthorizationCheck(authorization, null);
    }

    /** A single-use code for {@code subject} (a realm, a user), bound to the client, redirect and PKCE challenge. */
    public synchronized String issueCode(Authorization authorization, String subject) {
        String code = token("code");
        codes.put(code, new CodeState(authorization, subject, clock.instant().plus(policy.codeLifetime())));
        return code;
    }

    // ---- token endpoint ----

    /**
     * Answers a token request (grant_type authorization_code or refresh_token). {@code extraFields} adds a vendor's
     * own fields to a successful answer.
     */
    public synchronized SimResponse tokenEndpoint(SimRequest request, BiConsumer<ObjectNode, IssuedTokens> extraFields) {
        Map<String, String> form = request.form();
        Object authenticated = authenticate(request, form);
        if (authenticated instanceof SimResponse refusal) {
            return refusal;
        }
        Client client = (Client) authenticated;
        String grantType = form.getOrDefault("grant_type", "");
        IssuedTokens issued;
        switch (grantType) {
            case "authorization_code" -> {
                Object outcome = exchangeCode(client, form);
                if (outcome instanceof SimResponse refusal) {
                    return refusal;
                }
                issued = (IssuedTokens) outcome;
            }
            case "refresh_token" -> {
                Object outcome = refresh(client, form.getOrDefault("refresh_token", ""));
                if (outcome instanceof SimResponse refusal) {
                    return refusal;
                }
                issued = (IssuedTokens) outcome;
            }
            case "" -> {
                return error(400, "invalid_request", "grant_type is missing");
            }
            default -> {
                return error(400, "unsupported_grant_type", "grant_type '" + grantType + "' is not supported");
            }
        }
        ObjectNode body = SimJson.MAPPER.createObjectNode();
        body.put("access_token", issued.accessToken());
        body.put("token_type", policy.tokenType());
        body.put("expires_in", issued.accessExpiresIn().toSeconds());
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        extraFields.accept(body, issued);
        return SimResponse.json(200, body).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    }

    /**
     * Answers a revocation request (RFC 7009): the client authenticates as at the token endpoint, the token comes
     * as a form field or a JSON {@code {"token":...}}. Revoking any token of an authorization ends the whole
     * authorization. An unknown token is answered 200 too.
     */
    public synchronized SimResponse revocationEndpoint(SimRequest request) {
        String token;
        Map<String, String> form = Map.of();
        if (request.hasContentType("application/json")) {
            try {
                JsonNode json = SimJson.MAPPER.readTree(request.body());
                token = json == null ? "" : json.path("token").asText("");
            } catch (JsonProcessingException e) {
                return error(400, "invalid_request", "The body is not JSON: " + e.getOriginalMessage());
            }
        } else {
            form = request.form();
            token = form.getOrDefault("token", "");
        }
        Object authenticated = authenticate(request, form);
        if (authenticated instanceof SimResponse refusal) {
            return refusal;
        }
        if (token.isEmpty()) {
            return error(400, "invalid_request", "token is missing");
        }
        GrantState grant = grantOf(token);
        if (grant != null && grant.grant.clientId().equals(((Client) authenticated).clientId())) {
            grant.revoked = true;
        }
        return SimResponse.empty(200);
    }

    /** Issues tokens as if {@code subject} had just authorized the client (for tests that skip the browser). */
    public synchronized IssuedTokens grantDirectly(String clientId, String subject, Set<String> scopes) {
        if (!clients.containsKey(clientId)) {
            throw new IllegalArgumentException("No client " + clientId + " is registered");
        }
        return issue(newGrant(clientId, subject, scopes), null);
    }

    // ---- resource side ----

    /** What the request's {@code Authorization: Bearer} token is worth. */
    public AccessCheck checkAccess(SimRequest request) {
        return request.bearerToken().map(this::checkAccess).orElse(new AccessCheck(AccessStatus.MISSING, null));
    }

    public synchronized AccessCheck checkAccess(String accessToken) {
        AccessState state = accessTokens.get(accessToken);
        if (state == null) {
            return new AccessCheck(AccessStatus.UNKNOWN, null);
        }
        if (state.grant().revoked) {
            return new AccessCheck(AccessStatus.REVOKED, state.grant().grant);
        }
        if (!clock.instant().isBefore(state.expiresAt()) || state.issuedAt().isBefore(accessExpiredBefore)) {
            return new AccessCheck(AccessStatus.EXPIRED, state.grant().grant);
        }
        return new AccessCheck(AccessStatus.VALID, state.grant().grant);
    }

    // ---- test controls ----

    /** Every access token issued so far is now expired; later ones are not. */
    public synchronized void expireAccessTokens() {
        accessExpiredBefore = clock.instant().plusNanos(1);
    }

    /** Every refresh token issued so far is now expired: the next refresh is refused with invalid_grant. */
    public synchronized void expireRefreshTokens() {
        Instant now = clock.instant();
        refreshTokens.values().forEach(r -> r.expiresAt = now);
    }

    /** How many refresh_token grants succeeded. */
    public synchronized int refreshCount() {
        return refreshes;
    }

    /** Ends every authorization of {@code subject}, as a user disconnecting the app would. */
    public synchronized void revokeGrantsOf(String subject) {
        grants.stream().filter(g -> g.grant.subject().equals(subject)).forEach(g -> g.revoked = true);
    }

    /** The authorizations not revoked, oldest first. */
    public synchronized List<Grant> activeGrants() {
        return grants.stream().filter(g -> !g.revoked).map(g -> g.grant).toList();
    }

    /** {@code base} with {@code parameters} added to its query, form-encoded. */
    public static URI withParameters(URI base, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(base.toString());
        char separator = base.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            uri.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    // ---- inside ----

    /** The authenticated client, or the answer refusing the request. */
    private Object authenticate(SimRequest request, Map<String, String> form) {
        Optional<Map.Entry<String, String>> basic = request.basicCredentials();
        if (basic.isPresent()) {
            Client client = clients.get(basic.get().getKey());
            if (client == null || client.isPublic() || !client.secret().equals(basic.get().getValue())) {
                return error(401, "invalid_client", "Client authentication failed")
                        .withHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
            }
            return client;
        }
        if (request.header("Authorization").isPresent()) {
            return error(401, "invalid_client", "The Authorization header is not HTTP Basic")
                    .withHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
        }
        Client client = clients.get(form.getOrDefault("client_id", ""));
        if (client == null) {
            return error(401, "invalid_client", "Client authentication failed");
        }
        if (client.isPublic()) {
            return form.containsKey("client_secret") ? error(401, "invalid_client", "A public client has no secret")
                    : client;
        }
        if (policy.basicAuthOnly()) {
            return error(401, "invalid_client", "Authenticate the client with HTTP Basic");
        }
        return client.secret().equals(form.get("client_secret")) ? client
                : error(401, "invalid_client", "Client authentication failed");
    }

    private Object exchangeCode(Client client, Map<String, String> form) {
        String code = form.getOrDefault("code", "");
        CodeState state = codes.remove(code);
        if (state == null) {
            GrantState earlier = codeGrants.get(code);
            if (earlier != null) {
                // RFC 6749 4.1.2: a code used twice revokes what it gave the first time.
                earlier.revoked = true;
                return error(400, "invalid_grant", "The authorization code was already used");
            }
            return error(400, "invalid_grant", "The authorization code is not valid");
        }
        Authorization authorization = state.authorization();
        if (!authorization.client().clientId().equals(client.clientId())) {
            return error(400, "invalid_grant", "The authorization code was issued to another client");
        }
        if (!clock.instant().isBefore(state.expiresAt())) {
            return error(400, "invalid_grant", "The authorization code has expired");
        }
        if (!authorization.redirectUri().toString().equals(form.getOrDefault("redirect_uri", ""))) {
            return error(400, "invalid_grant", "redirect_uri does not match the authorization request");
        }
        if (authorization.codeChallenge() != null && !verifierMatches(authorization,
                form.getOrDefault("code_verifier", ""))) {
            return error(400, "invalid_grant", "code_verifier does not match the code_challenge");
        }
        GrantState grant = newGrant(client.clientId(), state.subject(), authorization.scopes());
        codeGrants.put(code, grant);
        return issue(grant, null);
    }

    private Object refresh(Client client, String token) {
        RefreshState state = refreshTokens.get(token);
        Instant now = clock.instant();
        if (state == null || state.grant.revoked) {
            return error(400, "invalid_grant", "The refresh token is not valid");
        }
        if (!state.grant.grant.clientId().equals(client.clientId())) {
            return error(400, "invalid_grant", "The refresh token was issued to another client");
        }
        boolean newest = token.equals(state.grant.newestRefresh);
        if (!newest && (state.dead || policy.rotation() == Rotation.GRACE_PERIOD
                && !now.isBefore(state.firstUsedAt.plus(policy.rotationGrace())))) {
            return error(400, "invalid_grant", "The refresh token was already used and replaced by a newer one");
        }
        if (!now.isBefore(state.expiresAt)) {
            return error(400, "invalid_grant", "The refresh token has expired");
        }
        if (state.firstUsedAt == null) {
            state.firstUsedAt = now;
        }
        refreshes++;
        if (!newest) {
            // A client that lost the answer retries with the old token: it gets the newest one again.
            return issue(state.grant, state.grant.newestRefresh);
        }
        if (state.previous != null && policy.rotation() == Rotation.UNTIL_SUCCESSOR_USED) {
            refreshTokens.get(state.previous).dead = true;
        }
        return issue(state.grant, null);
    }

    private GrantState newGrant(String clientId, String subject, Set<String> scopes) {
        GrantState grant = new GrantState(new Grant(token("grant"), clientId, subject, Set.copyOf(scopes),
                clock.instant()));
        grants.add(grant);
        return grant;
    }

    /** New access token; a new refresh token unless {@code keepRefresh} is given (then that one is answered). */
    private IssuedTokens issue(GrantState grant, String keepRefresh) {
        Instant now = clock.instant();
        String access = token("access");
        accessTokens.put(access, new AccessState(grant, now, now.plus(policy.accessTokenLifetime())));
        String refresh = keepRefresh;
        boolean offline = policy.offlineScope().isEmpty() || grant.grant.scopes().contains(policy.offlineScope());
        if (refresh == null && offline) {
            refresh = token("refresh");
            Instant idle = now.plus(policy.refreshTokenIdleLifetime());
            Instant max = grant.grant.authorizedAt().plus(policy.refreshTokenMaxLifetime());
            refreshTokens.put(refresh, new RefreshState(grant, grant.newestRefresh, idle.isBefore(max) ? idle : max));
            grant.newestRefresh = refresh;
        }
        Duration refreshLeft = refresh == null ? null : Duration.between(now, refreshTokens.get(refresh).expiresAt);
        return new IssuedTokens(grant.grant, access, policy.accessTokenLifetime(), refresh, refreshLeft);
    }

    private GrantState grantOf(String token) {
        AccessState access = accessTokens.get(token);
        if (access != null) {
            return access.grant();
        }
        RefreshState refresh = refreshTokens.get(token);
        return refresh == null ? null : refresh.grant;
    }

    private static boolean verifierMatches(Authorization authorization, String verifier) {
        if (verifier.isEmpty()) {
            return false;
        }
        if ("plain".equals(authorization.codeChallengeMethod())) {
            return verifier.equals(authorization.codeChallenge());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest)
                    .equals(authorization.codeChallenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private String token(String kind) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return kind.substring(0, 1).toUpperCase() + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                bytes);
    }

    private static AuthorizationCheck refusedPage(String why) {
        return new AuthorizationCheck(null, SimResponse.html(400, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Sign-in refused</title></head><body><h1>This sign-in cannot go on</h1><p>"
                + why.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>"));
    }

    private static AuthorizationCheck refusedRedirect(Authorization authorization, String error) {
        return new AuthorizationCheck(null, SimResponse.redirect(authorization.redirect(Map.of("error", error))));
    }

    private static SimResponse error(int status, String error, String description) {
        ObjectNode body = SimJson.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return SimResponse.json(status, body).withHeader("Cache-Control", "no-store");
    }
}
