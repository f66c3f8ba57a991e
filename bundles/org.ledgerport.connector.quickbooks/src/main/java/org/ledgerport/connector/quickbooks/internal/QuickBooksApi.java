package org.ledgerport.connector.quickbooks.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ledgerport.connector.http.ApiClient;
import org.ledgerport.connector.http.HttpCall;
import org.ledgerport.connector.http.HttpProblems;
import org.ledgerport.connector.http.HttpReply;
import org.ledgerport.connector.http.RateLimiter;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.model.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The QuickBooks Online Accounting API of one company (realm), over an {@link ApiClient}. */
final class QuickBooksApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Every minor version before 75 is served as 75 since August 2025; asking for it says what we read. */
    private static final String MINOR_VERSION = "75";
    /** The most rows one query answers. */
    static final int PAGE = 1000;
    /** The most operations one batch request carries. */
    static final int BATCH = 30;

    /** One operation of a batch request. */
    record Operation(String id, String operation, String entity, JsonNode body, String options) {
    }

    /** One operation's answer: the entity, or the fault that refused it. */
    record Answer(String id, JsonNode entity, List<QuickBooksFault> faults) {
        boolean refused() {
            return !faults.isEmpty();
        }
    }

    private final ApiClient client;
    private final RateLimiter batches;
    private final URI company;

    /** @param batches paces batch requests, which QuickBooks limits on their own besides every call's limit */
    QuickBooksApi(ApiClient client, RateLimiter batches, URI apiBase, String realmId) {
        this.client = client;
        this.batches = batches;
        this.company = URI.create(apiBase.toString().replaceAll("/+$", "") + "/v3/company/"
                + URLEncoder.encode(realmId, StandardCharsets.UTF_8) + "/");
    }

    JsonNode get(String path, String subject) throws ConnectorException {
        return get(path, Map.of(), subject);
    }

    /** Every row of a query, page by page; {@code select} has no STARTPOSITION or MAXRESULTS of its own. */
    List<JsonNode> query(String entity, String select, String subject) throws ConnectorException {
        List<JsonNode> rows = new ArrayList<>();
        for (int start = 1;; start += PAGE) {
            String paged = select + " STARTPOSITION " + start + " MAXRESULTS " + PAGE;
            JsonNode page = get("query", Map.of("query", paged), subject).path("QueryResponse").path(entity);
            page.forEach(rows::add);
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }

    JsonNode get(String path, Map<String, String> parameters, String subject) throws ConnectorException {
        return answer(client.call(HttpCall.get(uri(path, parameters))),
                fault -> FaultProblems.general(fault, "", subject), false);
    }

    /**
     * Posts one entity. With a request id the call is replay-safe: QuickBooks answers a repeat with the first
     * answer instead of doing the work again.
     */
    JsonNode post(String path, Map<String, String> parameters, JsonNode body, String requestId, String subject)
            throws ConnectorException {
        return post(path, parameters, body, requestId, fault -> FaultProblems.general(fault, "", subject));
    }

    /** Posts one entity; a fault becomes the problem {@code explain} words for it. */
    JsonNode post(String path, Map<String, String> parameters, JsonNode body, String requestId,
            Function<QuickBooksFault, Problem> explain) throws ConnectorException {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (requestId != null) {
            all.put("requestid", requestId);
        }
        HttpReply reply = client.call(HttpCall.json("POST", uri(path, all), write(body), requestId != null));
        return answer(reply, explain, true);
    }

    /**
     * Sends up to {@link #BATCH} operations in one request, metered by QuickBooks as one call each.
     *
     * @param requestId the same for every attempt with the same operations, so a resend is answered, not redone
     */
    Map<String, Answer> batch(List<Operation> operations, String requestId, String subject)
            throws ConnectorException {
        if (operations.size() > BATCH) {
            throw new IllegalArgumentException("QuickBooks takes at most " + BATCH + " operations per batch");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("BatchItemRequest");
        for (Operation operation : operations) {
            ObjectNode item = items.addObject().put("bId", operation.id());
            if (operation.operation() != null) {
                item.put("operation", operation.operation());
            }
            if (operation.options() != null) {
                item.put("optionsData", operation.options());
            }
            item.set(operation.entity(), operation.body());
        }
        HttpCall call = HttpCall.json("POST", uri("batch", Map.of("requestid", requestId)), write(body), true)
                .withWeight(operations.size());
        JsonNode answer;
        try (RateLimiter.Permit slot = batches.acquire(1)) {
            answer = answer(client.call(call), fault -> FaultProblems.general(fault, "", subject), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Problem.error("export.cancelled", "", "Stopped before sending " + subject
                    .toLowerCase(Locale.ROOT) + "."));
        } catch (RateLimiter.DayBudgetExhausted e) {
            throw HttpProblems.rateLimited(FaultProblems.VENDOR, e.untilFree(), "day");
        }
        Map<String, Answer> answers = new HashMap<>();
        for (JsonNode item : answer.path("BatchItemResponse")) {
            String id = item.path("bId").asText();
            List<QuickBooksFault> faults = item.has("Fault") ? QuickBooksFault.of(item.path("Fault")) : List.of();
            JsonNode entity = null;
            for (Operation operation : operations) {
                if (operation.id().equals(id) && item.has(operation.entity())) {
                    entity = item.path(operation.entity());
                }
            }
            answers.put(id, new Answer(id, entity, faults));
        }
        return answers;
    }

    /** A string literal for a query: quoted, with backslashes and apostrophes escaped by a backslash. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String inList(List<String> values) {
        return values.stream().map(QuickBooksApi::literal).collect(Collectors.joining(", ", "(", ")"));
    }

    URI company() {
        return company;
    }

    private URI uri(String path, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("minorversion", MINOR_VERSION);
        String query = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(company + path + (path.contains("?") ? "&" : "?") + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The answer's JSON, or the fault as a problem. {@code write} says a 5xx may come after the work was done: a
     * server error does not tell, so the engine looks the invoice up before sending it again.
     */
    private JsonNode answer(HttpReply reply, Function<QuickBooksFault, Problem> explain, boolean write)
            throws ConnectorException {
        JsonNode parsed = parse(reply);
        if (reply.successful() && parsed != null && !parsed.has("Fault")) {
            return parsed;
        }
        List<QuickBooksFault> faults = QuickBooksFault.of(reply, parsed);
        throw new ConnectorException(explain.apply(faults.get(0)), write && reply.status() >= 500, null);
    }

    private static JsonNode parse(HttpReply reply) {
        if (reply.xml() || reply.body().isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(reply.body());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
