package org.ledgerport.core.model;

import java.util.Objects;

/**
 * Something that went wrong, or may have, with an invoice or a whole export.
 *
 * @param code          a stable identifier (for example "customer.duplicate-name"); the UI looks it up to
 *                      offer the way to the cause
 * @param field         the field concerned ("customer", "lines[2].taxCode"), or empty
 * @param message       what happened and what to do, in a bookkeeper's words
 * @param vendorCode    the accounting package's own error code, or empty
 * @param vendorMessage the accounting package's own text, or empty
 * @param retryable     whether trying again unchanged can help (a timeout can, a duplicate name cannot)
 */
public record Problem(String code, Severity severity, String field, String message, String vendorCode,
        String vendorMessage, boolean retryable) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        field = field == null ? "" : field;
        vendorCode = vendorCode == null ? "" : vendorCode;
        vendorMessage = vendorMessage == null ? "" : vendorMessage;
    }

    /** An error found here, before anything was sent. */
    public static Problem error(String code, String field, String message) {
        return new Problem(code, Severity.ERROR, field, message, "", "", false);
    }

    /** An error the accounting package reported. */
    public static Problem vendor(String code, String field, String message, String vendorCode,
            String vendorMessage, boolean retryable) {
        return new Problem(code, Severity.ERROR, field, message, vendorCode, vendorMessage, retryable);
    }

    public static Problem warning(String code, String field, String message) {
        return new Problem(code, Severity.WARNING, field, message, "", "", false);
    }
}
