package org.ledgerport.simulator.support;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer: status, extra headers, a UTF-8 body and its content type ({@code null} with an empty body).
 */
public record SimResponse(int status, Map<String, String> headers, String body, String contentType) {

    public SimResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    public static SimResponse json(int status, String body) {
        return new SimResponse(status, Map.of(), body, "application/json;charset=UTF-8");
    }

    public static SimResponse json(int status, JsonNode body) {
        try {
            return json(status, SimJson.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    public static SimResponse text(int status, String body) {
        return new SimResponse(status, Map.of(), body, "text/plain;charset=UTF-8");
    }

    public static SimResponse html(int status, String body) {
        return new SimResponse(status, Map.of(), body, "text/html;charset=UTF-8");
    }

    public static SimResponse xml(int status, String body) {
        return new SimResponse(status, Map.of(), body, "application/xml;charset=UTF-8");
    }

    /** A 302 to {@code location}. */
    public static SimResponse redirect(URI location) {
        return new SimResponse(302, Map.of("Location", location.toString()), "", null);
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, Map.of(), "", null);
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimResponse(status, more, body, contentType);
    }
}
