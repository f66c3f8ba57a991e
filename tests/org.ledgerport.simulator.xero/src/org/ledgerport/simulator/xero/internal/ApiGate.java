package org.ledgerport.simulator.xero.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ledgerport.simulator.support.RateLimits;
import org.ledgerport.simulator.support.RateLimits.Decision;
import org.ledgerport.simulator.support.RateLimits.Permit;
import org.ledgerport.simulator.support.RateLimits.Window;
import org.ledgerport.simulator.support.SimFilter;
import org.ledgerport.simulator.support.SimHandler;
import org.ledgerport.simulator.support.SimRequest;
import org.ledgerport.simulator.support.SimResponse;
import org.ledgerport.simulator.xero.XeroSimulator;

/**
 * What Xero checks before an Accounting API call reaches the organisation, in order: the access token (401), the
 * xero-tenant-id header naming an organisation the app is connected to (403), the scopes (401), JSON asked for
 * (406) and sent (400), the request size (413), then the limits (429 with Retry-After and X-Rate-Limit-Problem) and
 * the Idempotency-Key. Every answer past the tenant check carries the remaining-calls headers.
 */
public final class ApiGate implements SimFilter {

    static final String API = "/api.xro/2.0";
    static final String TENANT_HEADER = "xero-tenant-id";

    private final Identity identity;
    private final Ledgers ledgers;
    private final RateLimits limits;
    private final XeroSimulator.Limits config;
    private final int maxRequestBytes;
    private final Idempotency idempotency = new Idempotency();
    private final Window minute;
    private final Window day;
    private final Window appMinute;

    public ApiGate(Identity identity, Ledgers ledgers, RateLimits limits, XeroSimulator.Limits config,
            int maxRequestBytes) {
        this.identity = identity;
        this.ledgers = ledgers;
        this.limits = limits;
        this.config = config;
        this.maxRequestBytes = maxRequestBytes;
        this.minute = Window.perMinute("minute", config.perMinute());
        this.day = Window.perDay("day", config.perDay());
        this.appMinute = Window.perMinute("appminute", config.appPerMinute());
    }

    @Override
    public SimResponse filter(SimRequest request, SimHandler next) {
        if (!request.path().startsWith(API + "/")) {
            return next.handle(request);
        }
        Identity.Access access = identity.access(request);
        if (access.refusal() != null) {
            return access.refusal();
        }
        String clientId = access.caller().clientId();
        UUID tenant = tenant(request);
        if (tenant == null || ledgers.find(tenant) == null || !identity.connected(clientId, tenant)) {
            // Missing, unknown and not-connected tenants look alike, as at Xero.
            return SimResponse.json(403, XeroErrors.problem(403, "Forbidden", "AuthenticationUnsuccessful"));
        }
        if (!scopesAllow(access.caller().scopes(), request)) {
            return SimResponse.json(401, XeroErrors.problem(401, "Unauthorized", "AuthorizationUnsuccessful"));
        }
        String tenantKey = clientId + '/' + tenant;
        SimResponse refusal = malformed(request);
        if (refusal != null) {
            return withRemaining(refusal, tenantKey, clientId);
        }
        Optional<Permit> permit = limits.enter(tenantKey, config.concurrent());
        if (permit.isEmpty()) {
            return withRemaining(tooMany("concurrent", Duration.ofSeconds(1)), tenantKey, clientId);
        }
        try {
            Decision app = limits.tryAcquire(clientId, 1, appMinute);
            if (!app.allowed()) {
                return withRemaining(tooMany(app.refusedBy(), app.retryAfter()), tenantKey, clientId);
            }
            Decision calls = limits.tryAcquire(tenantKey, 1, minute, day);
            if (!calls.allowed()) {
                return withRemaining(tooMany(calls.refusedBy(), calls.retryAfter()), tenantKey, clientId);
            }
            SimResponse answer = idempotent(request, tenantKey, next);
            return withRemaining(answer, tenantKey, clientId);
        } finally {
            permit.get().close();
        }
    }

    private SimResponse idempotent(SimRequest request, String tenantKey, SimHandler next) {
        Optional<String> key = request.header("Idempotency-Key");
        boolean write = request.method().equals("PUT") || request.method().equals("POST");
        if (!write || key.isEmpty()) {
            return next.handle(request);
        }
        if (key.get().isBlank() || key.get().length() > Idempotency.MAX_KEY_LENGTH) {
            return SimResponse.json(400, XeroErrors.problem(400, "Bad Request", "The Idempotency-Key must be 1 to "
                    + Idempotency.MAX_KEY_LENGTH + " characters long."));
        }
        return idempotency.run(tenantKey, key.get(), request, () -> next.handle(request));
    }

    /** A request Xero would not read: one not asking for JSON, not sending JSON, or too large. */
    private SimResponse malformed(SimRequest request) {
        if (request.header("Accept").filter(accept -> accept.toLowerCase(Locale.ROOT).contains("application/json"))
                .isEmpty()) {
            // Without Accept: application/json Xero answers XML, which this simulator does not speak.
            return SimResponse.text(406, "Send Accept: application/json; without it Xero answers in XML.");
        }
        boolean write = request.method().equals("PUT") || request.method().equals("POST");
        if (!write) {
            return null;
        }
        if (request.rawBody().length > maxRequestBytes) {
            // Xero allows 3.5 MB per request; its front door refuses a larger one as too large before the API
            // reads it, so the client splits the batch rather than reading validation errors.
            return SimResponse.json(413, XeroErrors.problem(413, "Request Entity Too Large", "A request to the "
                    + "Accounting API may be at most " + maxRequestBytes + " bytes; this one is "
                    + request.rawBody().length + ". Send fewer elements per request."));
        }
        if (!request.hasContentType("application/json")) {
            return SimResponse.json(400, XeroErrors.postDataInvalid("Send the body as JSON with Content-Type: "
                    + "application/json."));
        }
        return null;
    }

    private static SimResponse tooMany(String problem, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return SimResponse.json(429, XeroErrors.problem(429, "Too Many Requests", "Rate limit exceeded: the "
                + problem + " limit was reached. Retry after " + seconds + " seconds."))
                .withHeader("Retry-After", Long.toString(seconds))
                .withHeader("X-Rate-Limit-Problem", problem);
    }

    private SimResponse withRemaining(SimResponse answer, String tenantKey, String clientId) {
        Map<String, Integer> left = limits.remaining(tenantKey, minute, day);
        return answer.withHeader("X-DayLimit-Remaining", left.get("day").toString())
                .withHeader("X-MinLimit-Remaining", left.get("minute").toString())
                .withHeader("X-AppMinLimit-Remaining",
                        limits.remaining(clientId, appMinute).get("appminute").toString());
    }

    private static UUID tenant(SimRequest request) {
        try {
            return request.header(TENANT_HEADER).map(String::trim).map(UUID::fromString).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The scopes an endpoint takes: the old broad ones and, for invoices, items and payments, the granular
     * accounting.invoices or accounting.payments that apps created from 2026-03-02 must use; the .read forms for
     * GET.
     */
    private static boolean scopesAllow(Set<String> granted, SimRequest request) {
        String rest = request.path().substring(API.length() + 1);
        String collection = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Set<String> needed = switch (collection) {
            case "Invoices" -> Set.of("accounting.transactions", "accounting.invoices");
            case "Items" -> Set.of("accounting.settings", "accounting.invoices");
            case "Payments" -> Set.of("accounting.transactions", "accounting.payments");
            case "Contacts" -> Set.of("accounting.contacts");
            default -> Set.of("accounting.settings");
        };
        boolean read = request.method().equals("GET");
        return needed.stream().anyMatch(scope -> granted.contains(scope) || read && granted.contains(scope + ".read"));
    }
}
