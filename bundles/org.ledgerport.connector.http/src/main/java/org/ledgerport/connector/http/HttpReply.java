package org.ledgerport.connector.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A vendor's answer.
 *
 * @param headers the first value of each header; names are matched case-insensitively
 */
public record HttpReply(int status, Map<String, String> headers, String body) {

    public HttpReply {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = Collections.unmodifiableMap(caseless);
        body = body == null ? "" : body;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The wait the vendor asked for, in seconds or as an HTTP date; empty when it did not say. */
    public Optional<Duration> retryAfter() {
        return header("Retry-After").map(String::strip).flatMap(HttpReply::parseWait);
    }

    /** Whether the body is XML, which some vendors send for gateway errors even when JSON was asked for. */
    public boolean xml() {
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return type.contains("xml") || body.stripLeading().startsWith("<");
    }

    private static Optional<Duration> parseWait(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
