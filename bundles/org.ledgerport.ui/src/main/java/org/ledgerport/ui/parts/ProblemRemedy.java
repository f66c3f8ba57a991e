package org.ledgerport.ui.parts;

import java.util.List;

/**
 * The way from a problem to its cause, chosen by the problem's code: the invoice to correct, the connection's
 * mappings and settings to complete, or the account to sign in again. The codes are those the export engine and
 * the connectors report.
 */
enum ProblemRemedy {

    OPEN_INVOICE("Open the invoice, correct it, and export it again."),
    OPEN_MAPPING("Open the connection's settings and mappings, complete them, and export again."),
    RECONNECT("Reconnect the account (sign in again), then export again."),
    /** Nothing here leads to the cause: the message says what to do (wait, or act in the accounting package). */
    NONE("");

    /** Codes about what the connection maps or is set to: tax codes, accounts, items, folders, numbering. */
    private static final List<String> MAPPING = List.of("tax.", "account.", "item.", "connection.setting-invalid",
            "file.taxCode.", "file.incomeAccount.", "file.chargeAccount.", "file.setting.", "file.folder.",
            "file.numberPrefix.", "file.write.", "file.read.", "xero.untaxedRate.", "xero.itemCode.", "iif.itemName.",
            "vendor.unknown-reference", "vendor.inactive-reference");

    /** Codes about the invoice's own data or its customer's, which are corrected on the invoice. */
    private static final List<String> INVOICE = List.of("invoice.", "customer.", "contact.", "file.number.",
            "iif.customerName.", "iif.text.", "iif.currency.", "xero.contactName.", "xero.description.",
            "xero.reference.", "xero.tax.", "vendor.too-long", "vendor.missing-value", "vendor.invalid-value");

    private final String advice;

    ProblemRemedy(String advice) {
        this.advice = advice;
    }

    /** What the user does about it, in a sentence; empty for {@link #NONE}. */
    String advice() {
        return advice;
    }

    static ProblemRemedy of(String code) {
        if (matches(code, MAPPING)) {
            return OPEN_MAPPING;
        }
        if (code.startsWith("connection.")) {
            return RECONNECT;
        }
        // A missing invoice cannot be opened.
        if (matches(code, INVOICE) && !code.equals("invoice.missing")) {
            return OPEN_INVOICE;
        }
        return NONE;
    }

    private static boolean matches(String code, List<String> prefixes) {
        return prefixes.stream().anyMatch(code::startsWith);
    }
}
