package org.ledgerport.connector.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One request to a vendor.
 *
 * @param body        the request body, or null for none
 * @param weight      how many calls the vendor counts it as (a QuickBooks batch counts each operation)
 * @param replaySafe  sending it again cannot do the work twice: a read, or a write carrying an idempotency key.
 *                    Only such calls are retried after the answer was lost.
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, String body, String contentType,
        int weight, boolean replaySafe) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        if (weight < 1) {
            throw new IllegalArgumentException("A call weighs at least 1, not " + weight);
        }
    }

    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null, null, 1, true);
    }

    public static HttpCall json(String method, URI uri, String json, boolean replaySafe) {
        return new HttpCall(method, uri, Map.of(), json, "application/json", 1, replaySafe);
    }

    public static HttpCall form(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new HttpCall("POST", uri, Map.of(), body, "application/x-www-form-urlencoded", 1, false);
    }

    public HttpCall withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpCall(method, uri, more, body, contentType, weight, replaySafe);
    }

    public HttpCall withWeight(int newWeight) {
        return new HttpCall(method, uri, headers, body, contentType, newWeight, replaySafe);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + Redaction.uri(uri);
    }
}
