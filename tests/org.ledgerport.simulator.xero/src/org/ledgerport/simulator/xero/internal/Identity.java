package org.ledgerport.simulator.xero.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.ledgerport.simulator.support.OAuthAuthority;
import org.ledgerport.simulator.support.OAuthAuthority.AccessCheck;
import org.ledgerport.simulator.support.OAuthAuthority.AccessStatus;
import org.ledgerport.simulator.support.OAuthAuthority.Authorization;
import org.ledgerport.simulator.support.OAuthAuthority.AuthorizationCheck;
import org.ledgerport.simulator.support.OAuthAuthority.Grant;
import org.ledgerport.simulator.support.SimClock;
import org.ledgerport.simulator.support.SimRequest;
import org.ledgerport.simulator.support.SimResponse;
import org.ledgerport.simulator.support.SimulatorServer;
import org.ledgerport.simulator.xero.XeroSimulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Xero's identity service and connections endpoint: sign-in and consent (the user is taken as signed in and
 * consenting to every organisation unless a control says otherwise), tokens by Xero's rules (30-minute access
 * tokens, refresh tokens only with offline_access, rotating and single-use with a 30-minute grace for a lost
 * answer, dead after 60 days unused), revocation, and the organisations each app is connected to.
 */
public final class Identity {

    /** Who is calling the API: the app and the scopes the user granted it. */
    record Caller(String clientId, Set<String> scopes) {
    }

    /** The caller, or the answer refusing the call. */
    record Access(Caller caller, SimResponse refusal) {
    }

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

    private final SimClock clock;
    private final Ledgers ledgers;
    private final OAuthAuthority authority;
    private final Connections connections = new Connections();
    private final AtomicBoolean denyNext = new AtomicBoolean();
    private final AtomicReference<List<UUID>> limitNext = new AtomicReference<>();

    public Identity(SimClock clock, Ledgers ledgers) {
        this.clock = clock;
        this.ledgers = ledgers;
        // Xero sets no limit on a chain of refresh tokens used in time, so the longest lifetime is "forever".
        this.authority = new OAuthAuthority(clock, new OAuthAuthority.Policy(Duration.ofMinutes(30),
                Duration.ofMinutes(5), Duration.ofDays(60), Duration.ofDays(365L * 1000),
                OAuthAuthority.Rotation.GRACE_PERIOD, Duration.ofMinutes(30), true, "Bearer", "offline_access"));
    }

    public OAuthAuthority authority() {
        return authority;
    }

    public void register(XeroSimulator.App app) {
        authority.register(new OAuthAuthority.Client(app.clientId(), app.secret(), app.redirectUris(), app.scopes()));
    }

    public void routes(SimulatorServer server) {
        server.route("GET", "/identity/connect/authorize", this::authorize);
        server.route("POST", "/identity/connect/token", this::token);
        server.route("POST", "/identity/connect/revocation", this::revoke);
        server.route("GET", "/connections", this::listConnections);
        server.route("DELETE", "/connections/{id}", this::deleteConnection);
    }

    /** The next sign-in ends with the user declining: error=access_denied. */
    public void denyNextAuthorization() {
        denyNext.set(true);
    }

    /** At the next sign-in the user ticks only these organisations. */
    public void limitNextAuthorizationTo(List<UUID> tenants) {
        tenants.forEach(ledgers::require);
        limitNext.set(List.copyOf(tenants));
    }

    Access access(SimRequest request) {
        AccessCheck check = authority.checkAccess(request);
        if (check.valid()) {
            return new Access(new Caller(check.grant().clientId(), check.grant().scopes()), null);
        }
        String detail = check.status() == AccessStatus.EXPIRED
                ? "TokenExpired: token expired at " + EXPIRY.format(LocalDateTime.ofInstant(clock.instant(),
                        ZoneOffset.UTC))
                : "AuthenticationUnsuccessful";
        return new Access(null, SimResponse.json(401, XeroErrors.problem(401, "Unauthorized", detail)));
    }

    boolean connected(String clientId, UUID tenant) {
        return connections.connected(clientId, tenant);
    }

    private SimResponse authorize(SimRequest request) {
        AuthorizationCheck check = authority.checkAuthorization(request);
        if (check.refused()) {
            return check.refusal();
        }
        Authorization authorization = check.authorization();
        if (authorization.codeChallenge() != null && !"S256".equals(authorization.codeChallengeMethod())) {
            // Xero's PKCE takes S256 only.
            return SimResponse.redirect(authorization.redirect(Map.of("error", "invalid_request",
                    "error_description", "code_challenge_method must be S256")));
        }
        if (denyNext.getAndSet(false)) {
            return authorization.denied();
        }
        List<UUID> chosen = limitNext.getAndSet(null);
        List<UUID> tenants = chosen != null ? chosen
                : ledgers.organisations().stream().map(org -> org.tenantId()).toList();
        UUID authEventId = UUID.randomUUID();
        connections.connect(authorization.client().clientId(), tenants, authEventId, clock.instant());
        String code = authority.issueCode(authorization, authEventId.toString());
        return SimResponse.redirect(authorization.redirect(Map.of("code", code,
                "scope", String.join(" ", authorization.scopes()))));
    }

    private SimResponse token(SimRequest request) {
        return authority.tokenEndpoint(request,
                (body, issued) -> body.put("scope", String.join(" ", issued.grant().scopes())));
    }

    /** Revoking a token ends its authorization and, as Xero documents, disconnects the app's organisations. */
    private SimResponse revoke(SimRequest request) {
        Set<Grant> before = new HashSet<>(authority.activeGrants());
        SimResponse answer = authority.revocationEndpoint(request);
        before.removeAll(authority.activeGrants());
        for (Grant revoked : before) {
            boolean othersLeft = authority.activeGrants().stream()
                    .anyMatch(grant -> grant.clientId().equals(revoked.clientId()));
            if (!othersLeft) {
                connections.disconnectAll(revoked.clientId());
            }
        }
        return answer;
    }

    private SimResponse listConnections(SimRequest request) {
        Access access = access(request);
        if (access.refusal() != null) {
            return access.refusal();
        }
        String authEvent = request.queryParam("authEventId").orElse(null);
        ArrayNode list = XeroJson.array();
        for (Connections.Connection connection : connections.of(access.caller().clientId())) {
            if (authEvent != null && !connection.authEventId().toString().equalsIgnoreCase(authEvent)) {
                continue;
            }
            ObjectNode row = list.addObject();
            row.put("id", connection.id().toString());
            row.put("authEventId", connection.authEventId().toString());
            row.put("tenantId", connection.tenantId().toString());
            row.put("tenantType", "ORGANISATION");
            row.put("tenantName", ledgers.require(connection.tenantId()).settings().name());
            row.put("createdDateUtc", LocalDateTime.ofInstant(connection.created(), ZoneOffset.UTC).toString());
            row.put("updatedDateUtc", LocalDateTime.ofInstant(connection.updated(), ZoneOffset.UTC).toString());
        }
        return SimResponse.json(200, XeroJson.write(list));
    }

    private SimResponse deleteConnection(SimRequest request) {
        Access access = access(request);
        if (access.refusal() != null) {
            return access.refusal();
        }
        UUID id;
        try {
            id = UUID.fromString(request.pathParam("id"));
        } catch (IllegalArgumentException e) {
            return notFound(request.pathParam("id"));
        }
        return connections.disconnect(access.caller().clientId(), id) ? SimResponse.empty(204)
                : notFound(id.toString());
    }

    private static SimResponse notFound(String id) {
        return SimResponse.json(404, XeroErrors.problem(404, "Not Found", "No connection " + id + " for this app"));
    }
}
