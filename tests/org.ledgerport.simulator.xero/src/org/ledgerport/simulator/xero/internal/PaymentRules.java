package org.ledgerport.simulator.xero.internal;

import static org.ledgerport.simulator.xero.internal.XeroJson.decimal;
import static org.ledgerport.simulator.xero.internal.XeroJson.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.InvoiceStatus;
import org.ledgerport.simulator.xero.Payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How an organisation takes one payment element of PUT /Payments: the invoice it pays (by InvoiceID or
 * InvoiceNumber), the account the money goes into (by AccountID or Code: a bank account, or one with payments
 * enabled), the date and an amount of at most what is due. A payment applies to an AUTHORISED invoice only; the
 * invoice becomes PAID, with the payment's date as FullyPaidOnDate, when nothing is left due.
 */
final class PaymentRules {

    /** Xero's own words (the Payments endpoint's documented example). */
    static final String EXCEEDS_AMOUNT_DUE = "Payment amount exceeds the amount outstanding on this document";

    /** What became of one element. */
    sealed interface Outcome permits Saved, Refused {
    }

    record Saved(Payment payment, Invoice invoice) implements Outcome {
    }

    /** @param echo the element as sent, marked as Xero marks a failed payment */
    record Refused(ObjectNode echo, List<String> messages) implements Outcome {
    }

    private final Ledger ledger;
    private final Books books;
    private final Instant now;

    PaymentRules(Ledger ledger, Books draft, Instant now) {
        this.ledger = ledger;
        this.books = draft;
        this.now = now;
    }

    Outcome create(JsonNode element) {
        if (!element.isObject()) {
            return refuse(element, List.of("Each payment must be a JSON object."));
        }
        List<String> errors = new ArrayList<>();
        Invoice invoice = invoice(element, errors);
        Account account = account(element, errors);
        LocalDate date = date(element, errors);
        BigDecimal amount = amount(element, errors);
        if (invoice != null && invoice.status() != InvoiceStatus.AUTHORISED) {
            // [unverified] wording; Xero documents only that payments apply to approved (AUTHORISED) invoices.
            errors.add("Payments can only be made against AUTHORISED invoices; invoice " + label(invoice) + " is "
                    + invoice.status() + ".");
        } else if (invoice != null && amount != null && amount.compareTo(invoice.amountDue()) > 0) {
            errors.add(EXCEEDS_AMOUNT_DUE);
        }
        if (!errors.isEmpty()) {
            return refuse(element, errors);
        }
        Payment payment = new Payment(UUID.randomUUID(), date, amount, text(element, "Reference"), account.code(),
                now);
        Invoice paid = invoice.withPayment(payment, now);
        books.invoices.put(paid.invoiceId(), paid);
        return new Saved(payment, paid);
    }

    private Invoice invoice(JsonNode element, List<String> errors) {
        JsonNode node = element.path("Invoice");
        String id = text(node, "InvoiceID");
        String number = node.isObject() ? text(node, "InvoiceNumber") : null;
        number = number == null ? text(element, "InvoiceNumber") : number;
        Invoice found = null;
        if (id != null) {
            found = new InvoiceRules(ledger, books, now, null, 2).find(id);
            if (found == null) {
                errors.add("Invoice with InvoiceID '" + id + "' could not be found.");
            }
        } else if (number != null) {
            found = books.salesInvoiceNumbered(number);
            if (found == null) {
                errors.add("Invoice number '" + number + "' could not be found.");
            }
        } else {
            errors.add("The invoice the payment is for must be given (Invoice with InvoiceID or InvoiceNumber).");
        }
        return found;
    }

    private Account account(JsonNode element, List<String> errors) {
        JsonNode node = element.path("Account");
        String id = text(node, "AccountID");
        String code = node.isObject() ? text(node, "Code") : null;
        code = code == null ? text(element, "Code") : code;
        Account found;
        if (id != null) {
            found = ledger.accounts().values().stream().filter(a -> a.accountId().toString().equalsIgnoreCase(
                    id.trim())).findFirst().orElse(null);
            if (found == null) {
                errors.add("Account with AccountID '" + id + "' could not be found.");
                return null;
            }
        } else if (code != null) {
            found = ledger.account(code);
            if (found == null) {
                errors.add("Account code '" + code + "' is not a valid code for this document.");
                return null;
            }
        } else {
            errors.add("The account the payment goes into must be given (Account with AccountID or Code).");
            return null;
        }
        if (found.archived()) {
            errors.add("Account code '" + found.code() + "' has been archived, or has been deleted.");
        } else if (!found.takesPayments()) {
            // [unverified] wording; the rule is Xero's: a bank account, or one with payments to it enabled.
            errors.add("Account code '" + found.code() + "' is not a bank account and payments to it are not "
                    + "enabled, so it cannot receive payments.");
        }
        return found;
    }

    private static LocalDate date(JsonNode element, List<String> errors) {
        String text = text(element, "Date");
        if (text == null) {
            errors.add("The Date of the payment must be given.");
            return null;
        }
        try {
            return XeroJson.parseDate(text);
        } catch (IllegalArgumentException e) {
            errors.add("Date: " + e.getMessage());
            return null;
        }
    }

    private static BigDecimal amount(JsonNode element, List<String> errors) {
        BigDecimal amount;
        try {
            amount = decimal(element, "Amount");
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
        if (amount == null || amount.signum() <= 0) {
            errors.add("The payment Amount must be more than zero.");
            return null;
        }
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static String label(Invoice invoice) {
        return invoice.invoiceNumber() == null ? invoice.invoiceId().toString() : invoice.invoiceNumber();
    }

    /** A failed payment as Xero returns it: what was sent, and the reasons. */
    private static Refused refuse(JsonNode element, List<String> messages) {
        ObjectNode echo = element.isObject() ? ((ObjectNode) element).deepCopy() : XeroJson.object();
        echo.put("HasValidationErrors", true);
        echo.put("StatusAttributeString", "ERROR");
        echo.set("ValidationErrors", XeroJson.validationErrors(messages));
        return new Refused(echo, List.copyOf(messages));
    }
}
