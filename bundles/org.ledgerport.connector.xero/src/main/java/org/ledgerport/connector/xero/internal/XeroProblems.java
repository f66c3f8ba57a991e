package org.ledgerport.connector.xero.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ledgerport.connector.http.HttpProblems;
import org.ledgerport.core.model.Problem;

/**
 * Xero's refusals, told as what happened and what to do about it. Xero gives its validation errors as text
 * without codes, so they are recognised by their wording; whatever is not recognised keeps Xero's own text.
 */
final class XeroProblems {

    static final String VENDOR = "Xero";
    /** Xero's type for the validation errors it reports per element. */
    static final String VALIDATION = "ValidationException";

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private XeroProblems() {
    }

    /** A contact Xero would not create for the customer. */
    static Problem contact(String message, String name, long customerId) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("already assigned to another contact") || lower.contains("contact name must be unique")) {
            return refused("contact.duplicate-name", "customer", ("Customer '%s' could not be added to Xero: an "
                    + "active contact there already has that name. It was added after Ledgerport looked (perhaps by "
                    + "someone working in Xero at the same time), or Xero compares the names more loosely than "
                    + "Ledgerport. If it is the same customer, export again: Ledgerport finds the contact by its "
                    + "name, or by the contact code %s if you give it that code in Xero. If it is a different "
                    + "business, rename the customer here (for example add the town) and export again.")
                    .formatted(name, Names.contactNumber(customerId)), message);
        }
        if (lower.contains("email")) {
            return refused("contact.email-invalid", "customer.email", ("Xero does not accept the e-mail address of "
                    + "customer '%s'. Correct it here, then export again.").formatted(name), message);
        }
        return common(message, "customer", "Customer '" + name + "'");
    }

    /** An item Xero would not create. */
    static Problem item(String message, String code) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unique") || lower.contains("already exists")) {
            return refused("item.duplicate", "lines", ("Item %s could not be added to Xero: another item there "
                    + "already uses its code or name. Rename or archive that item in Xero (Products and services), or "
                    + "give the item here another code; then export again.").formatted(code), message);
        }
        return common(message, "lines", "Item " + code);
    }

    /** An invoice Xero refused. */
    static Problem invoice(String message, String number) {
        String lower = message.toLowerCase(Locale.ROOT);
        if ((lower.contains("invoice #") || lower.contains("invoice number")) && lower.contains("unique")) {
            return refused("invoice.duplicate-number", "number", ("Xero already has an invoice numbered %s, and an "
                    + "invoice number can be used only once there (voided invoices keep theirs). Give this invoice "
                    + "another number here, or let Xero number this connection's invoices (connection settings, "
                    + "Numbering); then export again.").formatted(number), message);
        }
        if (lower.contains("limit of invoices")) {
            return refused("invoice.plan-limit", "", ("Xero did not approve invoice %s: the organisation's Xero plan "
                    + "allows no more approved invoices this month. Upgrade the plan in Xero, or export as DRAFT "
                    + "(connection setting 'Status of exported invoices') and approve them later.").formatted(number),
                    message);
        }
        if (lower.contains("description")) {
            return refused("invoice.line-description", "lines", ("A line of invoice %s has no description, which Xero "
                    + "needs on lines without an item. Write one, then export again.").formatted(number), message);
        }
        if (lower.contains("payment") || lower.contains("credit note")) {
            return refused("invoice.has-payments", "", ("Invoice %s has payments or credit notes in Xero and cannot "
                    + "be changed there until they are removed.").formatted(number), message);
        }
        return common(message, "", "Invoice " + number);
    }

    /**
     * A payment Xero refused; {@code subject} names it ("The payment of NZD 50.00 on invoice INV-0001"), {@code
     * account} the account it was to go into.
     */
    static Problem payment(String message, String subject, String account) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("exceeds") || lower.contains("outstanding")) {
            return refused("payment.more-than-due", "amount", subject + " was not recorded: it is more than what is "
                    + "still due on the invoice in Xero (a payment may already be recorded there). Refresh the "
                    + "invoice's status, correct the amount, then send the payment again.", message);
        }
        if (lower.contains("authorised") || lower.contains("status")) {
            return refused("payment.invoice-not-approved", "", subject + " was not recorded: Xero takes payments only "
                    + "on approved invoices that are not fully paid, and this one is not (it may be a draft, paid, "
                    + "voided or deleted there). Approve it in Xero, or refresh its status here.", message);
        }
        if (lower.contains("account")) {
            return refused("payment.deposit-account-invalid", "depositAccount", subject + " was not recorded: Xero "
                    + "does not take payments into '" + account + "'. Choose a bank account, or an account on which "
                    + "'Enable payments to this account' is ticked in Xero, then send the payment again.", message);
        }
        return common(message, "payment", subject);
    }

    /** The wordings every kind of element can meet. */
    private static Problem common(String message, String field, String subject) {
        String lower = message.toLowerCase(Locale.ROOT);
        String quoted = firstQuoted(message);
        if (lower.contains("account code") && (lower.contains("archived") || lower.contains("deleted"))) {
            return refused("account.archived", "account", ("%s is booked to Xero account %s, which is archived "
                    + "there. Restore the account in Xero (Chart of accounts, Archive), or map the income account to "
                    + "another one; then export again.").formatted(subject, quoted), message);
        }
        if (lower.contains("account code")) {
            return refused("account.invalid", "account", ("%s is booked to Xero account %s, which Xero does not "
                    + "take on a sales invoice. Map the income account to a revenue account in the connection's "
                    + "mappings (or change the default sales account); then export again.").formatted(subject, quoted),
                    message);
        }
        if (lower.contains("taxtype") || lower.contains("tax type") || lower.contains("tax rate")) {
            return refused("tax.invalid", "taxCode", ("%s uses Xero tax rate %s, which Xero does not take here (it "
                    + "may be archived, or not for sales). Map the tax code to an active sales tax rate in the "
                    + "connection's tax mappings, refresh the connection's lists and export again.").formatted(subject,
                            quoted), message);
        }
        if (lower.contains("currency")) {
            return refused("invoice.currency-not-enabled", "currency", ("%s is in a currency the Xero organisation "
                    + "does not use. Add the currency in Xero (Settings, Currencies; it needs a plan with "
                    + "multi-currency), then export again.").formatted(subject), message);
        }
        if (lower.contains("lock date") || lower.contains("period")) {
            return refused("invoice.period-locked", "issueDate", ("%s is dated in a period that is locked in Xero. "
                    + "Ask whoever set the lock date (Settings, Advanced, Financial settings) to move it, or date the "
                    + "invoice after it.").formatted(subject), message);
        }
        if (lower.contains("archived") && lower.contains("contact")) {
            return refused("contact.archived", "customer", ("%s goes to a contact that is archived in Xero. Restore "
                    + "the contact in Xero (Contacts, Archived, Restore), then export again.").formatted(subject),
                    message);
        }
        if ((lower.contains("item code") || lower.contains("itemcode")) && lower.contains("not valid")) {
            return refused("item.unknown", "lines", ("%s names an item Xero does not have (%s). Refresh the "
                    + "connection's lists and export again; Ledgerport creates missing items.").formatted(subject,
                            quoted.isEmpty() ? message : quoted), message);
        }
        return refused("vendor.refused", field, subject + " was refused by Xero: " + message, message);
    }

    /** A request Xero refused as a whole. */
    static Problem general(XeroFault fault, String field, String subject) {
        if (!fault.validation().isEmpty()) {
            Problem first = common(fault.validation().get(0), field, subject);
            return Problem.vendor(first.code(), first.field(), first.message(), fault.vendorCode(), fault.vendorText(),
                    false);
        }
        return switch (fault.status()) {
            case 401 -> vendor("connection.not-authorized", "connection", ("Xero refused Ledgerport's sign-in for "
                    + "this organisation. Reconnect the account; if that does not help, check in the Xero developer "
                    + "portal that the app may use the access this connection asks for (setting 'Access "
                    + "requested')."), fault, false);
            case 403 -> vendor("connection.organisation-disconnected", "connection", ("Xero says Ledgerport's app is "
                    + "no longer connected to this organisation (it was disconnected in Xero under Settings, Connected "
                    + "apps, or the sign-in did not include it). Reconnect the account and choose the organisation."),
                    fault, false);
            case 404 -> vendor("vendor.not-found", field, subject + " is not in Xero (any more).", fault, false);
            case 413 -> vendor("vendor.request-too-large", field, subject + " came to more than the 3.5 MB Xero takes "
                    + "in one request (invoices with very many lines). Export the largest invoices on their own.",
                    fault, false);
            case 429 -> vendor(HttpProblems.RATE_LIMITED, "", "Xero asks Ledgerport to slow down. Export again in "
                    + "a minute; nothing was lost.", fault, true);
            case 503 -> vendor(HttpProblems.UNAVAILABLE, "", "The Xero organisation is offline or under maintenance "
                    + "(" + fault.message() + "). Try again in a few minutes; nothing was lost.", fault, true);
            default -> fault.status() >= 500
                    ? vendor(HttpProblems.UNAVAILABLE, "", "Xero is having trouble (HTTP " + fault.status() + "). "
                            + "Try again in a few minutes.", fault, true)
                    : vendor("vendor.refused", field, subject + " was refused by Xero: " + fault.vendorText(), fault,
                            false);
        };
    }

    /** The day's budget of calls for the organisation is spent. */
    static Problem dayLimit(String whenFree) {
        return Problem.vendor(HttpProblems.RATE_LIMITED, "", ("Xero's daily limit of 5,000 calls for this "
                + "organisation is used up, so Ledgerport stopped. Nothing was lost: what was sent is recorded, and "
                + "the rest can be exported %s.").formatted(whenFree), "429", "day", true);
    }

    private static Problem refused(String code, String field, String message, String xeroMessage) {
        return Problem.vendor(code, field, message, VALIDATION, xeroMessage, false);
    }

    private static Problem vendor(String code, String field, String message, XeroFault fault, boolean retryable) {
        return Problem.vendor(code, field, message, fault.vendorCode(), fault.vendorText(), retryable);
    }

    private static String firstQuoted(String message) {
        Matcher matcher = QUOTED.matcher(message);
        return matcher.find() ? matcher.group(1) : "";
    }
}
