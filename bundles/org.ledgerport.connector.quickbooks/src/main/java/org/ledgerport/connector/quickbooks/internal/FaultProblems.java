package org.ledgerport.connector.quickbooks.internal;

import java.util.Locale;

import org.ledgerport.core.model.Problem;

/** QuickBooks Online's error codes, told as what happened and what to do about it. */
final class FaultProblems {

    static final String VENDOR = "QuickBooks Online";

    private FaultProblems() {
    }

    /** A customer that could not be created or used. */
    static Problem customer(QuickBooksFault fault, String name) {
        if (fault.is("6240")) {
            return problem("customer.duplicate-name", "customer", ("Customer '%s' could not be created in "
                    + "QuickBooks: the name is already used there by a supplier, an employee or an inactive "
                    + "customer (QuickBooks wants names unique across all of them). Rename the customer here, "
                    + "rename the other one in QuickBooks, or make the inactive customer active again; then "
                    + "export again.").formatted(name), fault, false);
        }
        return general(fault, "customer", "Customer '" + name + "'");
    }

    /** An item that could not be created or used. */
    static Problem item(QuickBooksFault fault, String name) {
        if (fault.is("6240")) {
            return problem("item.duplicate-name", "lines", ("Item '%s' could not be created in QuickBooks: "
                    + "another product or service there (possibly inactive, or a category) has that name. Rename "
                    + "the item here or make the one in QuickBooks active; then export again.").formatted(name),
                    fault, false);
        }
        return general(fault, "lines", "Item '" + name + "'");
    }

    /** An invoice QuickBooks refused. */
    static Problem invoice(QuickBooksFault fault, String number) {
        return switch (fault.code()) {
            case "6140" -> problem("invoice.duplicate-number", "number", ("QuickBooks already has an invoice "
                    + "numbered %s, and invoice numbers must be unique there. Give this invoice another number, "
                    + "or let QuickBooks number the invoices of this connection (connection settings, "
                    + "Numbering).").formatted(number), fault, false);
            case "6210" -> problem("invoice.period-closed", "issueDate", ("The books are closed in QuickBooks "
                    + "for the date of invoice %s. Ask whoever closed them to reopen the period, or date the "
                    + "invoice after the closing date.").formatted(number), fault, false);
            case "5010" -> problem("invoice.changed-at-vendor", "", ("Invoice %s was changed in QuickBooks "
                    + "while Ledgerport worked on it. Refresh its status and try again.").formatted(number), fault,
                    true);
            default -> general(fault, "", "Invoice " + number);
        };
    }

    /** A payment QuickBooks did not record; {@code subject} names it ("The payment of EUR 50.00 on invoice 1001"). */
    static Problem payment(QuickBooksFault fault, String subject) {
        String detail = (fault.detail().isEmpty() ? fault.message() : fault.detail()).toLowerCase(Locale.ROOT);
        if (fault.is("6000") && detail.contains("balance")) {
            return problem("payment.more-than-due", "amount", subject + " was not recorded: it is more than the "
                    + "invoice's balance in QuickBooks (a payment may already be recorded there). Refresh the "
                    + "invoice's status, correct the amount, then send the payment again.", fault, false);
        }
        if (fault.is("6000") && detail.contains("deposit")) {
            return problem("payment.deposit-account-invalid", "depositAccount", subject + " was not recorded: "
                    + "QuickBooks deposits payments only to a bank or other current asset account. Choose one of "
                    + "those as the deposit account, then send the payment again.", fault, false);
        }
        return general(fault, "payment", subject);
    }

    /** Whatever the entity, the codes that mean the same for all. */
    static Problem general(QuickBooksFault fault, String field, String subject) {
        String detail = fault.detail().isEmpty() ? fault.message() : fault.detail();
        return switch (fault.code()) {
            case "610" -> problem("vendor.inactive-reference", field, subject + " uses something that is inactive "
                    + "or was deleted in QuickBooks (" + detail + "). Make it active in QuickBooks, or change the "
                    + "mapping, then export again.", fault, false);
            case "2500" -> problem("vendor.unknown-reference", field, subject + " names a customer, item, account "
                    + "or tax code QuickBooks does not know (" + detail + "). Refresh the connection's lists and "
                    + "check its mappings.", fault, false);
            case "2020", "6560" -> problem("vendor.missing-value", field, subject + " lacks a value QuickBooks "
                    + "requires (" + detail + ").", fault, false);
            case "2050" -> problem("vendor.too-long", field, subject + " has a text longer than QuickBooks "
                    + "allows (" + detail + "). Shorten it and export again.", fault, false);
            case "2170" -> problem("vendor.invalid-value", field, subject + " has a value QuickBooks does not "
                    + "accept (" + detail + ").", fault, false);
            case "6190" -> problem("vendor.company-inactive", "connection", "The QuickBooks company cannot be "
                    + "changed: its subscription has ended or is suspended (" + detail + "). Renew it in "
                    + "QuickBooks, then export again.", fault, false);
            case "120", "3100" -> problem("connection.not-authorized", "connection", "QuickBooks no longer lets "
                    + "Ledgerport work in this company: the user who connected it may no longer be an "
                    + "administrator there. An administrator must reconnect the account.", fault, false);
            case "3200" -> problem("connection.reconnect-needed", "connection", "QuickBooks did not accept "
                    + "Ledgerport's sign-in. Reconnect the account, then export again.", fault, false);
            case "3001", "429" -> problem("vendor.rate-limited", "", "QuickBooks asks Ledgerport to slow down. "
                    + "Export again in a minute; nothing was lost.", fault, true);
            case "500" -> problem("vendor.unsupported", field, subject + " could not be read by QuickBooks ("
                    + detail + ").", fault, false);
            default -> problem("vendor.refused", field, subject + " was refused by QuickBooks: "
                    + (fault.detail().isEmpty() ? fault.message() : fault.message() + ": " + fault.detail()),
                    fault, fault.code().startsWith("5") && fault.code().length() == 3);
        };
    }

    private static Problem problem(String code, String field, String message, QuickBooksFault fault,
            boolean retryable) {
        String vendorText = fault.detail().isEmpty() ? fault.message() : fault.message() + ": " + fault.detail();
        return Problem.vendor(code, field, message, fault.code(), vendorText, retryable);
    }
}
