package org.ledgerport.connector.xero.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Xero's dates: in JSON as Microsoft's "/Date(1573603200000+0000)/", with ISO companions ("DateString") on some
 * fields, and in the If-Modified-Since header as a UTC timestamp to the second.
 */
final class XeroDates {

    private static final Pattern MICROSOFT = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");
    private static final DateTimeFormatter MODIFIED_SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private XeroDates() {
    }

    /** A moment from either form; empty when the text is neither. */
    static Optional<Instant> instant(String text) {
        Matcher matcher = MICROSOFT.matcher(text.strip());
        if (matcher.matches()) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))));
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                // Xero's ISO companions carry no offset; UpdatedDateUTC's is UTC by its name.
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    /**
     * A calendar date field, such as an invoice's Date: its ISO companion ("DateString") when Xero gave one, else
     * the Microsoft form, which holds midnight UTC of that date.
     */
    static LocalDate date(JsonNode entity, String field) {
        String iso = entity.path(field + "String").asText("");
        if (iso.length() >= 10) {
            try {
                return LocalDate.parse(iso.substring(0, 10));
            } catch (DateTimeParseException e) {
                // fall through to the other form
            }
        }
        String text = entity.path(field).asText("");
        if (text.length() >= 10 && Character.isDigit(text.charAt(0))) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return instant(text).map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC)).orElse(null);
    }

    /** The header value Xero reads: UTC, to the second. */
    static String modifiedSince(Instant since) {
        return MODIFIED_SINCE.format(since.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
