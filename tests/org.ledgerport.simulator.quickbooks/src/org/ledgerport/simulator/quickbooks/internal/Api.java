package org.ledgerport.simulator.quickbooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.simulator.quickbooks.Limits;
import org.ledgerport.simulator.support.OAuthAuthority;
import org.ledgerport.simulator.support.OAuthAuthority.AccessCheck;
import org.ledgerport.simulator.support.RateLimits;
import org.ledgerport.simulator.support.RateLimits.Decision;
import org.ledgerport.simulator.support.RateLimits.Window;
import org.ledgerport.simulator.support.SimClock;
import org.ledgerport.simulator.support.SimHandler;
import org.ledgerport.simulator.support.SimJson;
import org.ledgerport.simulator.support.SimRequest;
import org.ledgerport.simulator.support.SimResponse;
import org.ledgerport.simulator.support.SimulatorServer;

/**
 * The Accounting API under {@code /v3/company/{realmId}}: authentication, limits, request ids, and the endpoints
 * (query, cdc, batch, preferences, companyinfo, invoice, customer, item, payment and the reads).
 */
public final class Api {

    private static final String PREFIX = "/v3/company/";
    private static final Map<String, String> READABLE = Map.of("invoice", "Invoice", "customer", "Customer", "item",
            "Item", "account", "Account", "taxcode", "TaxCode", "taxrate", "TaxRate", "vendor", "Vendor", "employee",
            "Employee", "payment", "Payment");
    /** Entities change data capture reports (not TaxCode or TaxRate, reference 1.6). */
    private static final Set<String> CDC_ENTITIES = Set.of("Invoice", "Payment", "Customer", "Item", "Vendor",
            "Employee", "Account");
    private static final Duration CDC_LOOK_BACK = Duration.ofDays(30);
    private static final int CDC_MAX = 1000;
    private static final int REQUEST_ID_MAX = 50;
    private static final int BATCH_REQUEST_ID_MAX = 36;
    private static final int BATCH_ID_MAX = 10;

    private final Map<String, Company> companies;
    private final OAuthAuthority oauth;
    private final RateLimits rates;
    private final Limits limits;
    private final SimClock clock;
    private final AtomicInteger throttles = new AtomicInteger();
    private final AtomicInteger expireAfter = new AtomicInteger(-1);
    private volatile int xmlThrottleEvery;

    public Api(Map<String, Company> companies, OAuthAuthority oauth, RateLimits rates, Limits limits,
            SimClock clock, int xmlThrottleEvery) {
        this.companies = companies;
        this.oauth = oauth;
        this.rates = rates;
        this.limits = limits;
        this.clock = clock;
        this.xmlThrottleEvery = xmlThrottleEvery;
    }

    public void install(SimulatorServer server) {
        server.filter(this::gate);
        server.route("GET", PREFIX + "{realmId}/query", r -> query(r, r.queryParam("query").orElse(null)));
        server.route("POST", PREFIX + "{realmId}/query", r -> query(r, r.body()));
        server.route("GET", PREFIX + "{realmId}/cdc", this::cdc);
        server.route("POST", PREFIX + "{realmId}/batch", this::batch);
        server.route("GET", PREFIX + "{realmId}/preferences", r -> answer(r, c -> entity(c, "Preferences",
                c.preferences())));
        server.route("GET", PREFIX + "{realmId}/companyinfo/{id}", r -> answer(r, c -> {
            if (!c.realmId().equals(r.pathParam("id"))) {
                throw QboFault.notFound("CompanyInfo", r.pathParam("id"));
            }
            return entity(c, "CompanyInfo", c.companyInfo());
        }));
        for (String entity : List.of("Invoice", "Customer", "Item", "Payment")) {
            server.route("POST", PREFIX + "{realmId}/" + entity.toLowerCase(Locale.ROOT), r -> write(r, entity));
        }
        READABLE.forEach((path, entity) -> server.route("GET", PREFIX + "{realmId}/" + path + "/{id}",
                r -> answer(r, c -> {
                    ObjectNode found = c.find(entity, r.pathParam("id"));
                    if (found == null) {
                        throw QboFault.notFound(entity, r.pathParam("id"));
                    }
                    return entity(c, entity, found.deepCopy());
                })));
    }

    /** The next {@code calls} API calls are served; then every access token issued so far expires. */
    public void expireAccessTokensAfter(int calls) {
        expireAfter.set(calls);
    }

    /** Every {@code n}th throttled answer is QuickBooks' XML fault instead of JSON (0: never). */
    public void setXmlThrottleEvery(int n) {
        xmlThrottleEvery = n;
    }

    /** What an injected failure answers: QuickBooks' SystemFault for 500, a gateway's HTML page otherwise. */
    public SimResponse injectedFailure(int status) {
        if (status == 500) {
            return SimResponse.json(500, new QboFault(500, "SystemFault", "10000", "An application error has "
                    + "occurred while processing your request", "System Failure Error: injected by the simulator",
                    "").body(utcTime()));
        }
        return SimResponse.html(status, "<html><head><title>" + status + "</title></head><body><h1>" + status
                + " Service Unavailable</h1><p>The gateway could not reach the service.</p></body></html>");
    }

    // ---- the gate: authentication and limits ----

    private SimResponse gate(SimRequest request, SimHandler next) {
        if (!request.path().startsWith(PREFIX)) {
            return next.handle(request);
        }
        if (expireAfter.get() >= 0 && expireAfter.getAndDecrement() == 0) {
            oauth.expireAccessTokens();
        }
        String realm = request.pathParam("realmId");
        Company company = companies.get(realm);
        AccessCheck access = oauth.checkAccess(request);
        if (!access.valid()) {
            String detail = switch (access.status()) {
                case MISSING -> "Authorization header missing: send Authorization: Bearer <access token>";
                case EXPIRED -> "Token expired: refresh the access token";
                case REVOKED -> "Token revoked: the app was disconnected from the company";
                default -> "Token invalid: not an access token this service issued";
            };
            return fault(company, new QboFault(401, "AUTHENTICATION", "3200", "message=AuthenticationFailed; "
                    + "errorCode=003200; statusCode=401", detail, "")).withHeader("WWW-Authenticate",
                            "Bearer realm=\"Intuit\", error=\"invalid_token\"");
        }
        if (company == null || !access.grant().subject().equals(realm)) {
            return fault(company, new QboFault(403, "AuthorizationFault", "3100", "message=ApplicationAuthorization"
                    + "Failed; errorCode=003100; statusCode=403", "The access token was not issued for company "
                    + realm, ""));
        }
        Optional<RateLimits.Permit> permit = rates.enter(access.grant().clientId() + "|" + realm,
                limits.concurrentRequests());
        if (permit.isEmpty()) {
            return throttled(company, "Too many requests at once: at most " + limits.concurrentRequests()
                    + " per app and company", Duration.ofSeconds(1));
        }
        try {
            if (!request.path().endsWith("/batch")) {
                Decision decision = rates.tryAcquire(realm, 1, minute());
                if (!decision.allowed()) {
                    return throttled(company, "The request limit was reached: at most " + limits.requestsPerMinute()
                            + " requests per minute per company", decision.retryAfter());
                }
            }
            return next.handle(request).withHeader("intuit_tid", UUID.randomUUID().toString());
        } finally {
            permit.get().close();
        }
    }

    private Window minute() {
        return Window.perMinute("minute", limits.requestsPerMinute());
    }

    private Window batchMinute() {
        return Window.perMinute("batch", limits.batchRequestsPerMinute());
    }

    private SimResponse throttled(Company company, String detail, Duration retryAfter) {
        int count = throttles.incrementAndGet();
        int every = xmlThrottleEvery;
        if (every > 0 && count % every == 0) {
            // Reference 1.5: some throttling answers come as XML even when JSON was asked for, and without
            // Retry-After.
            return SimResponse.xml(429, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<IntuitResponse xmlns=\"http://schema.intuit.com/finance/v3\" time=\"" + time(company)
                    + "\"><Fault type=\"SERVICE\"><Error code=\"3001\"><Message>message=ThrottleExceeded; "
                    + "errorCode=003001; statusCode=429</Message><Detail>" + detail + "</Detail></Error></Fault>"
                    + "</IntuitResponse>");
        }
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return fault(company, new QboFault(429, "SERVICE", "3001", "message=ThrottleExceeded; errorCode=003001; "
                + "statusCode=429", detail, "")).withHeader("Retry-After", Long.toString(seconds));
    }

    // ---- endpoints ----

    private SimResponse query(SimRequest request, String text) {
        return answer(request, company -> {
            if (text == null || text.isBlank()) {
                throw QboFault.parse("the query is missing (send it as the parameter 'query')");
            }
            ObjectNode body = Json.object();
            body.set("QueryResponse", QueryLanguage.run(company, text));
            return body;
        });
    }

    private SimResponse write(SimRequest request, String entity) {
        Company company = companies.get(request.pathParam("realmId"));
        return idempotent(company, request, REQUEST_ID_MAX, () -> answer(request, c -> {
            ObjectNode body = body(request);
            ObjectNode result = perform(c, entity, request.queryParam("operation").orElse(""), body,
                    options(request.queryParam("include").orElse("")).contains("allowduplicatedocnum"));
            return entity(c, entity, result.deepCopy());
        }));
    }

    private ObjectNode perform(Company company, String entity, String operation, ObjectNode body,
            boolean allowDuplicateNumber) {
        if (operation.equals("update") && Json.text(body, "Id") == null) {
            throw QboFault.requiredMissing("Id");
        }
        return switch (entity + "/" + operation) {
            case "Invoice/", "Invoice/create", "Invoice/update" -> company.invoices().save(body,
                    allowDuplicateNumber);
            case "Invoice/void" -> company.invoices().voidInvoice(body);
            case "Invoice/delete" -> company.invoices().delete(body);
            case "Customer/", "Customer/create", "Customer/update" -> company.names().saveCustomer(body);
            case "Item/", "Item/create", "Item/update" -> company.names().saveItem(body);
            case "Payment/", "Payment/create" -> company.payments().create(body);
            default -> throw QboFault.unsupported("Operation " + operation + " is not supported for " + entity
                    + (operation.equals("delete") ? "; list entries are never deleted, make them inactive "
                            + "(Active=false) instead" : ""));
        };
    }

    private SimResponse batch(SimRequest request) {
        Company company = companies.get(request.pathParam("realmId"));
        ObjectNode body;
        try {
            body = body(request);
        } catch (QboFault fault) {
            return fault(company, fault);
        }
        JsonNode items = body.path("BatchItemRequest");
        if (!items.isArray() || items.isEmpty()) {
            return fault(company, QboFault.requiredMissing("BatchItemRequest"));
        }
        if (items.size() > limits.batchOperations()) {
            return fault(company, QboFault.business("a batch request carries at most " + limits.batchOperations()
                    + " operations; this one carries " + items.size(), "BatchItemRequest"));
        }
        SimResponse refused = meterBatch(company, items.size());
        if (refused != null) {
            return refused;
        }
        boolean withRequestId = request.queryParam("requestid").filter(s -> !s.isEmpty()).isPresent();
        return idempotent(company, request, BATCH_REQUEST_ID_MAX, () -> answer(request, c -> {
            if (withRequestId) {
                for (JsonNode item : items) {
                    Json.checkLength(Json.text(item, "bId"), BATCH_ID_MAX, "bId");
                }
            }
            return c.asBatch(() -> {
                ObjectNode answer = Json.object();
                ArrayNode responses = answer.putArray("BatchItemResponse");
                for (JsonNode item : items) {
                    responses.add(batchItem(c, item));
                }
                return answer;
            });
        }));
    }

    /** Counts a batch against the batch limit and each of its operations against the per-minute one, or neither. */
    private SimResponse meterBatch(Company company, int operations) {
        String realm = company.realmId();
        synchronized (rates) {
            if (rates.remaining(realm, minute()).get("minute") < operations) {
                Decision refused = rates.tryAcquire(realm, operations, minute());
                return throttled(company, "The request limit was reached: at most " + limits.requestsPerMinute()
                        + " requests per minute per company, each operation of a batch counting as one",
                        refused.retryAfter());
            }
            Decision batches = rates.tryAcquire(realm, 1, batchMinute());
            if (!batches.allowed()) {
                return throttled(company, "The batch limit was reached: at most " + limits.batchRequestsPerMinute()
                        + " batch requests per minute per company", batches.retryAfter());
            }
            rates.tryAcquire(realm, operations, minute());
            return null;
        }
    }

    private ObjectNode batchItem(Company company, JsonNode item) {
        ObjectNode response = Json.object();
        String bId = Json.text(item, "bId");
        try {
            if (bId == null) {
                throw QboFault.requiredMissing("bId");
            }
            String query = Json.text(item, "Query");
            if (query != null) {
                response.set("QueryResponse", QueryLanguage.run(company, query));
            } else {
                String operation = Json.text(item, "operation");
                if (operation == null) {
                    throw QboFault.requiredMissing("operation");
                }
                Set<String> options = options(Json.text(item, "optionsData"));
                String entity = List.of("Invoice", "Customer", "Item").stream().filter(e -> item.path(e).isObject())
                        .findFirst().orElseThrow(() -> QboFault.business("the operation names no entity this "
                                + "company takes (Invoice, Customer or Item)", "BatchItemRequest"));
                String op = switch (operation) {
                    case "create" -> "create";
                    case "update" -> options.contains("void") ? "void" : "update";
                    case "delete" -> "delete";
                    default -> throw QboFault.validation("2170", "Invalid Enumeration", "Invalid enumeration : "
                            + operation + " for operation (create, update or delete)", "operation");
                };
                ObjectNode result = perform(company, entity, op, (ObjectNode) item.get(entity).deepCopy(),
                        options.contains("allowduplicatedocnum"));
                response.set(entity, result.deepCopy());
            }
        } catch (QboFault fault) {
            response.set("Fault", fault.faultNode());
        }
        response.put("bId", bId);
        return response;
    }

    private SimResponse cdc(SimRequest request) {
        return answer(request, company -> {
            String entities = request.queryParam("entities").filter(s -> !s.isBlank())
                    .orElseThrow(() -> QboFault.requiredMissing("entities"));
            String since = request.queryParam("changedSince").filter(s -> !s.isBlank())
                    .orElseThrow(() -> QboFault.requiredMissing("changedSince"));
            Instant from = instant(since, company);
            Instant now = clock.instant();
            if (from.isBefore(now.minus(CDC_LOOK_BACK))) {
                throw QboFault.business("changedSince " + since + " is more than 30 days ago; change data capture "
                        + "looks back at most 30 days", "changedSince");
            }
            List<String> names = Arrays.stream(entities.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
            for (String name : names) {
                if (!CDC_ENTITIES.contains(name)) {
                    throw QboFault.business("change data capture does not report " + name + "; it reports "
                            + CDC_ENTITIES.stream().sorted().collect(Collectors.joining(", ")), "entities");
                }
            }
            record Change(String entity, ObjectNode row, Instant at) {
            }
            List<Change> changes = new ArrayList<>();
            for (String name : names) {
                for (ObjectNode row : company.visible(name)) {
                    Instant at = OffsetDateTime.parse(row.path("MetaData").path("LastUpdatedTime").asText())
                            .toInstant();
                    if (!at.isBefore(from)) {
                        changes.add(new Change(name, row.deepCopy(), at));
                    }
                }
                for (Company.Deletion deletion : company.deletions()) {
                    if (deletion.entity().equals(name) && !deletion.at().toInstant().isBefore(from)) {
                        ObjectNode gone = Json.object().put("domain", "QBO").put("status", "Deleted")
                                .put("Id", deletion.id());
                        gone.putObject("MetaData").put("LastUpdatedTime", Company.timestamp(deletion.at()));
                        changes.add(new Change(name, gone, deletion.at().toInstant()));
                    }
                }
            }
            // At most 1000 objects per answer, the oldest first, so a client can move its window on.
            List<Change> kept = changes.stream().sorted(Comparator.comparing(Change::at)).limit(CDC_MAX).toList();
            ObjectNode body = Json.object();
            ArrayNode queries = body.putArray("CDCResponse").addObject().putArray("QueryResponse");
            for (String name : names) {
                List<Change> mine = kept.stream().filter(c -> c.entity().equals(name)).toList();
                ObjectNode response = queries.addObject();
                if (!mine.isEmpty()) {
                    ArrayNode rows = response.putArray(name);
                    mine.forEach(c -> rows.add(c.row()));
                    response.put("startPosition", 1).put("maxResults", mine.size()).put("totalCount", mine.size());
                }
            }
            return body;
        });
    }

    // ---- plumbing ----

    /**
     * Runs a write once per request id: a repeat with the same id (in the same company) gets the first answer,
     * even when what it created was changed or deleted since (the weakness reference 1.5 reports).
     */
    private SimResponse idempotent(Company company, SimRequest request, int maxLength, Supplier<SimResponse> work) {
        Optional<String> requestId = request.queryParam("requestid").filter(s -> !s.isEmpty());
        if (requestId.isEmpty()) {
            return work.get();
        }
        String id = requestId.get();
        if (id.length() > maxLength) {
            return fault(company, QboFault.tooLong("requestid", maxLength, id.length()));
        }
        return company.locked(() -> {
            SimResponse earlier = company.answerFor(id);
            if (earlier != null) {
                return earlier;
            }
            SimResponse answer = work.get();
            company.remember(id, answer);
            return answer;
        });
    }

    /** Runs {@code work} under the company's lock; its result is the answer's body, a fault its fault. */
    private SimResponse answer(SimRequest request, Function<Company, ObjectNode> work) {
        Company company = companies.get(request.pathParam("realmId"));
        try {
            ObjectNode body = company.locked(() -> work.apply(company));
            body.put("time", company.answerTime());
            return SimResponse.json(200, body);
        } catch (QboFault fault) {
            return fault(company, fault);
        }
    }

    private static ObjectNode entity(Company company, String name, ObjectNode entity) {
        ObjectNode body = Json.object();
        body.set(name, entity);
        return body;
    }

    private SimResponse fault(Company company, QboFault fault) {
        return SimResponse.json(fault.status(), fault.body(time(company)));
    }

    private String time(Company company) {
        return company == null ? utcTime() : company.answerTime();
    }

    private String utcTime() {
        return Company.answerTime(clock.instant(), ZoneOffset.UTC);
    }

    /** The body as JSON: fault 500 when it is not UTF-8 (reference 1.2), 2010 when it is not a JSON object. */
    private static ObjectNode body(SimRequest request) {
        if (!request.bodyIsUtf8()) {
            throw QboFault.validation("500", "Unsupported Operation", "Unsupported Operation : Invalid byte 1 of "
                    + "1-byte UTF-8 sequence. Send the body as UTF-8.", "");
        }
        try {
            JsonNode node = SimJson.MAPPER.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw QboFault.validation("2010", "Request has invalid or unsupported property", "The body must be "
                        + "one JSON object", "");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property", "The body is not JSON: "
                    + e.getOriginalMessage(), "");
        }
    }

    private static Set<String> options(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static Instant instant(String text, Company company) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay(company.setup().zone()).toInstant()
                        : LocalDateTime.parse(text).atZone(company.setup().zone()).toInstant();
            } catch (DateTimeParseException again) {
                throw QboFault.validation("2010", "Request has invalid or unsupported property", "changedSince '"
                        + text + "' is not a date-time (e.g. 2024-06-01T00:00:00-07:00)", "changedSince");
            }
        }
    }
}
