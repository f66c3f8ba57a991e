package org.ledgerport.connector.xero.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ledgerport.connector.http.ApiClient;
import org.ledgerport.connector.http.HttpCall;
import org.ledgerport.connector.http.HttpProblems;
import org.ledgerport.connector.http.HttpReply;
import org.ledgerport.core.connector.ConnectorException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Xero Accounting API of one organisation (tenant), over an {@link ApiClient}. */
final class XeroApi {

    /** Amounts are read as BigDecimal, never through double. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Rows per page of the endpoints Xero pages (invoices, contacts). */
    static final int PAGE = 100;
    /** Elements per write: Xero answers batches of up to 50 in good time. */
    static final int BATCH = 50;

    /**
     * What a write came back with: one element per element sent, in order, each saved or carrying its errors; or,
     * when Xero refused the request as a whole, only the failing elements, and nothing saved.
     */
    record Written(List<JsonNode> elements, boolean refusedAsAWhole) {

        /**
         * The answer to the element sent at {@code index}, or null when Xero's answer leaves it out. A request refused
         * as a whole lists the failing elements only, which are then found by a field they were sent with.
         */
        JsonNode element(int index, String field, String value) {
            if (!refusedAsAWhole) {
                return index < elements.size() ? elements.get(index) : null;
            }
            return elements.stream().filter(e -> value.equalsIgnoreCase(e.path(field).asText(""))).findFirst()
                    .orElse(null);
        }
    }

    /** One organisation the sign-in may use, from Xero's connections list. */
    record Tenant(String tenantId, String name, String type) {
    }

    private final ApiClient client;
    private final URI base;
    private final String tenantId;
    private final TenantBudget budget;

    XeroApi(ApiClient client, URI apiBase, String tenantId, TenantBudget budget) {
        this.client = client;
        this.base = apiBase;
        this.tenantId = tenantId;
        this.budget = budget;
    }

    TenantBudget budget() {
        return budget;
    }

    /** The organisations a sign-in may use; the list is not an Accounting API call and needs no tenant. */
    static List<Tenant> tenants(ApiClient client, URI connections) throws ConnectorException {
        HttpReply reply = client.call(HttpCall.get(connections));
        JsonNode list = parse(reply);
        if (!reply.successful() || list == null || !list.isArray()) {
            throw new ConnectorException(XeroProblems.general(XeroFault.of(reply, list), "organisation",
                    "The list of organisations"));
        }
        List<Tenant> tenants = new ArrayList<>();
        for (JsonNode connection : list) {
            tenants.add(new Tenant(connection.path("tenantId").asText(""), connection.path("tenantName").asText(""),
                    connection.path("tenantType").asText("ORGANISATION")));
        }
        return tenants;
    }

    JsonNode get(String path, Map<String, String> parameters, String subject) throws ConnectorException {
        return get(path, parameters, Map.of(), subject);
    }

    JsonNode get(String path, Map<String, String> parameters, Map<String, String> headers, String subject)
            throws ConnectorException {
        HttpCall call = HttpCall.get(uri(path, parameters)).withHeader("xero-tenant-id", tenantId);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            call = call.withHeader(header.getKey(), header.getValue());
        }
        HttpReply reply = send(call);
        if (reply.status() == 304) {
            // Nothing changed since If-Modified-Since.
            return JSON.createObjectNode();
        }
        JsonNode parsed = parse(reply);
        if (reply.successful() && parsed != null) {
            return parsed;
        }
        throw new ConnectorException(XeroProblems.general(XeroFault.of(reply, parsed), "", subject));
    }

    /**
     * Every row of a paged list (invoices, contacts), page by page, until Xero's pagination block says it was the
     * last page or, without one, a page comes back short.
     */
    List<JsonNode> pages(String path, String field, Map<String, String> parameters, Map<String, String> headers,
            String subject) throws ConnectorException {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 1;; page++) {
            Map<String, String> paged = new LinkedHashMap<>(parameters);
            paged.put("page", String.valueOf(page));
            JsonNode answer = get(path, paged, headers, subject);
            JsonNode list = answer.path(field);
            list.forEach(rows::add);
            JsonNode pageCount = answer.path("pagination").path("pageCount");
            if (pageCount.isNumber() ? page >= pageCount.asInt() : list.size() < PAGE) {
                return rows;
            }
        }
    }

    /**
     * Creates (PUT) or updates (POST) elements, each saved or refused on its own. The idempotency key makes the call
     * replay-safe: Xero answers a resend with the same key with its first answer instead of doing the work again.
     *
     * @param field the collection's name in the body and the answer ("Invoices", "Contacts", "Items")
     */
    Written write(String method, String path, String field, JsonNode body, String idempotencyKey, String subject)
            throws ConnectorException {
        HttpCall call = HttpCall.json(method, uri(path, Map.of("summarizeErrors", "false")), text(body), true)
                .withHeader("xero-tenant-id", tenantId)
                .withHeader("Idempotency-Key", idempotencyKey);
        HttpReply reply = send(call);
        JsonNode parsed = parse(reply);
        if (reply.successful() && parsed != null) {
            return new Written(elements(parsed.path(field)), false);
        }
        // Xero refuses the whole request with the elements and their errors when it summarizes them after all.
        if (reply.status() == 400 && parsed != null && parsed.path("Elements").size() > 0) {
            return new Written(elements(parsed.path("Elements")), true);
        }
        // A server error after a write may come after the work was done; the engine looks before it sends again.
        throw new ConnectorException(XeroProblems.general(XeroFault.of(reply, parsed), "", subject),
                reply.status() >= 500, null);
    }

    private HttpReply send(HttpCall call) throws ConnectorException {
        try {
            return client.call(call);
        } catch (ConnectorException e) {
            if (HttpProblems.RATE_LIMITED.equals(e.problem().code())
                    && "day".equalsIgnoreCase(e.problem().vendorMessage())) {
                throw new ConnectorException(XeroProblems.dayLimit(budget.whenDayFrees(ZoneId.systemDefault())),
                        false, e);
            }
            throw e;
        }
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    private URI uri(String path, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + "/" + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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

    static String text(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
