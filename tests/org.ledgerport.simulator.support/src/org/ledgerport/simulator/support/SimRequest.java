package org.ledgerport.simulator.support;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as a handler sees it.
 *
 * @param path       the decoded path, without the query
 * @param pathParams the values of the route's {placeholders}, decoded
 * @param query      the decoded query parameters, each with every value it was given, in order
 * @param headers    the headers, looked up case-insensitively
 * @param rawBody    the body's bytes exactly as received (a vendor may refuse bytes that are not UTF-8)
 * @param rawQuery   the query string as received, still encoded; empty when none
 */
public record SimRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] rawBody, String rawQuery) {

    public SimRequest {
        pathParams = Map.copyOf(pathParams);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = Collections.unmodifiableMap(caseless);
        rawBody = rawBody == null ? new byte[0] : rawBody.clone();
    }

    /** A copy of the body's bytes. */
    @Override
    public byte[] rawBody() {
        return rawBody.clone();
    }

    /** The same request with the placeholders of the route that matched it. */
    SimRequest withPathParams(Map<String, String> params) {
        return new SimRequest(method, path, params, query, headers, rawBody, rawQuery);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query parameter, if it was given. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a header, if it was sent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body read as UTF-8; bytes that are not UTF-8 become U+FFFD (see {@link #bodyIsUtf8()}). */
    public String body() {
        return new String(rawBody, StandardCharsets.UTF_8);
    }

    public boolean bodyIsUtf8() {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(rawBody));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether the Content-Type header names this media type (parameters such as charset ignored). */
    public boolean hasContentType(String mediaType) {
        return header("Content-Type").map(v -> v.split(";", 2)[0].strip().equalsIgnoreCase(mediaType))
                .orElse(false);
    }

    /** The body read as an application/x-www-form-urlencoded form; the first value of each field. */
    public Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        decodeParameters(body()).forEach((k, v) -> fields.put(k, v.get(0)));
        return fields;
    }

    /** The client id and secret of an {@code Authorization: Basic} header, if one was sent and is well formed. */
    public Optional<Map.Entry<String, String>> basicCredentials() {
        Optional<String> header = header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.get().substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            // RFC 6749 2.3.1: both halves are form-encoded before joining.
            return Optional.of(Map.entry(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The token of an {@code Authorization: Bearer} header, if one was sent. */
    public Optional<String> bearerToken() {
        return header("Authorization").filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).strip()).filter(v -> !v.isEmpty());
    }

    /** Decodes {@code a=1&b=2&a=3} ('+' is a space), keeping every value of a repeated name in order. */
    public static Map<String, List<String>> decodeParameters(String encoded) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                parameters.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A malformed escape is kept as sent, as lenient servers do.
                parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }
}
