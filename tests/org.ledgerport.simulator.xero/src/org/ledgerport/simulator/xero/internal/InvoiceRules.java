package org.ledgerport.simulator.xero.internal;

import static org.ledgerport.simulator.xero.internal.XeroJson.decimal;
import static org.ledgerport.simulator.xero.internal.XeroJson.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.InvoiceStatus;
import org.ledgerport.simulator.xero.InvoiceType;
import org.ledgerport.simulator.xero.Item;
import org.ledgerport.simulator.xero.LineAmountTypes;
import org.ledgerport.simulator.xero.LineItem;
import org.ledgerport.simulator.xero.TaxRate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How an organisation takes one invoice element of a PUT or POST: Xero's validation (messages in its words where
 * they are known), its status rules, its numbering and its arithmetic (line amounts and per-line tax rounded to
 * 2 dp, then summed). Works on a draft of the books; a refused element leaves the draft as it was.
 */
final class InvoiceRules {

    /** What became of one element. */
    sealed interface Outcome permits Saved, Refused {
    }

    record Saved(Invoice invoice) implements Outcome {
    }

    /** @param echo the element as sent, marked as Xero marks a failed element */
    record Refused(ObjectNode echo, List<String> messages) implements Outcome {
    }

    static final String NUMBER_NOT_UNIQUE = "Invoice # must be unique.";
    static final String APPROVAL_LIMIT = "You have reached the limit of invoices you can approve";
    static final String NOT_MODIFIABLE = "Invoice not of valid status for modification";
    static final String HAS_PAYMENTS = "This document cannot be edited as it has a payment or credit note "
            + "allocated to it.";

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final Ledger ledger;
    private final Books books;
    private final Instant now;
    private final String clientId;
    private final int unitDecimals;

    /**
     * @param clientId the app writing, or null for the Xero user
     * @param unitDecimals 2, or 4 when the request asked for unitdp=4
     */
    InvoiceRules(Ledger ledger, Books draft, Instant now, String clientId, int unitDecimals) {
        this.ledger = ledger;
        this.books = draft;
        this.now = now;
        this.clientId = clientId;
        this.unitDecimals = unitDecimals;
    }

    /** PUT /Invoices: creates, never updates. */
    Outcome create(JsonNode element) {
        if (!element.isObject()) {
            return refuse(element, List.of("Each invoice must be a JSON object."));
        }
        String id = text(element, "InvoiceID");
        if (id != null) {
            // Stricter than guessing: a PUT that names an invoice is refused, never turned into an update.
            return refuse(element, List.of("An invoice cannot be created with an InvoiceID (" + id
                    + "). PUT creates invoices only; use POST to update an existing invoice."));
        }
        return save(element, null);
    }

    /** POST /Invoices: updates the invoice named by InvoiceID, or the sales invoice with that number; else creates. */
    Outcome createOrUpdate(JsonNode element) {
        if (!element.isObject()) {
            return refuse(element, List.of("Each invoice must be a JSON object."));
        }
        String id = text(element, "InvoiceID");
        if (id != null) {
            Invoice existing = find(id);
            return existing == null
                    ? refuse(element, List.of("Invoice with InvoiceID '" + id + "' could not be found."))
                    : update(existing, element);
        }
        String number = text(element, "InvoiceNumber");
        String type = text(element, "Type");
        if (number != null && (type == null || type.equalsIgnoreCase(InvoiceType.ACCREC.name()))) {
            Invoice existing = books.salesInvoiceNumbered(number);
            if (existing != null) {
                return update(existing, element);
            }
        }
        return save(element, null);
    }

    /** An invoice of these books by its id, or null. */
    Invoice find(String id) {
        try {
            return books.invoices.get(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** POST /Invoices/{InvoiceID}, and the second half of POST /Invoices. */
    Outcome update(Invoice existing, JsonNode element) {
        InvoiceStatus wanted = existing.status();
        String statusText = text(element, "Status");
        if (statusText != null) {
            wanted = status(statusText);
            if (wanted == null) {
                return refuse(element, List.of("'" + statusText + "' is not a valid invoice Status."));
            }
        }
        if (existing.status().terminal()) {
            return refuse(element, List.of(NOT_MODIFIABLE));
        }
        if (existing.amountPaid().signum() != 0) {
            return refuse(element, List.of(HAS_PAYMENTS));
        }
        switch (wanted) {
            case DELETED -> {
                if (existing.status() == InvoiceStatus.AUTHORISED) {
                    return refuse(element, List.of("Only DRAFT or SUBMITTED invoices can be deleted. "
                            + "Void an AUTHORISED invoice instead."));
                }
                return keep(existing.withStatus(InvoiceStatus.DELETED, now));
            }
            case VOIDED -> {
                if (existing.status() != InvoiceStatus.AUTHORISED) {
                    return refuse(element, List.of("Only AUTHORISED invoices can be voided. "
                            + "Delete a DRAFT or SUBMITTED invoice instead."));
                }
                return keep(existing.withStatus(InvoiceStatus.VOIDED, now));
            }
            case PAID -> {
                return refuse(element, List.of("The Status PAID cannot be set: an invoice becomes PAID when "
                        + "payments cover its total."));
            }
            case DRAFT, SUBMITTED -> {
                if (existing.status() == InvoiceStatus.AUTHORISED) {
                    return refuse(element, List.of("An AUTHORISED invoice cannot be returned to " + wanted
                            + ". Void it and create a new one."));
                }
            }
            default -> {
                // AUTHORISED from any editable status: approved below with full validation.
            }
        }
        return save(merged(existing, element), existing);
    }

    /** The invoice as it is, overlaid with what the element sends; lines sent replace all lines. */
    private ObjectNode merged(Invoice existing, JsonNode element) {
        ObjectNode base = XeroJson.invoice(existing, books.contacts.get(existing.contactId()), true);
        String types = text(element, "LineAmountTypes");
        if (types != null && !element.has("LineItems")
                && !types.equalsIgnoreCase(existing.lineAmountTypes().wireName())) {
            // The kept lines' tax was worked out for the old amount type; let it be worked out again.
            base.withArray("LineItems").forEach(line -> ((ObjectNode) line).remove("TaxAmount"));
        }
        // A kept line's amount is worked out again from quantity and unit amount, as Xero does on every save.
        base.withArray("LineItems").forEach(line -> ((ObjectNode) line).remove("LineAmount"));
        base.setAll((ObjectNode) element);
        return base;
    }

    private Outcome save(JsonNode element, Invoice existing) {
        List<String> errors = new ArrayList<>();
        InvoiceType type = type(element, existing, errors);
        InvoiceStatus status = InvoiceStatus.DRAFT;
        String statusText = text(element, "Status");
        if (statusText != null) {
            status = status(statusText);
            if (status == null) {
                errors.add("'" + statusText + "' is not a valid invoice Status.");
                status = InvoiceStatus.DRAFT;
            } else if (existing == null && status != InvoiceStatus.DRAFT && status != InvoiceStatus.SUBMITTED
                    && status != InvoiceStatus.AUTHORISED) {
                errors.add("An invoice can only be created as DRAFT, SUBMITTED or AUTHORISED, not " + status + ".");
            }
        }
        ContactChoice contact = contact(element, errors);
        String currency = text(element, "CurrencyCode");
        currency = currency == null ? ledger.settings().baseCurrency() : currency.trim().toUpperCase(Locale.ROOT);
        if (!ledger.settings().currencies().contains(currency)) {
            errors.add("Organisation is not subscribed to currency " + currency);
        }
        LocalDate date = date(element, "Date", errors);
        if (date == null) {
            date = LocalDate.ofInstant(now, ledger.settings().timezone());
        }
        LocalDate dueDate = date(element, "DueDate", errors);
        if (dueDate != null && dueDate.isBefore(date)) {
            // Xero's screens refuse this; the API is not documented either way, so the safer refusal is kept.
            errors.add("The Due Date must not be earlier than the invoice Date.");
        }
        String number = text(element, "InvoiceNumber");
        number = number == null ? null : number.trim();
        if (number != null && number.length() > 255) {
            errors.add("Invoice Number must not be more than 255 characters long.");
        }
        if (type == InvoiceType.ACCREC && number != null) {
            Invoice holder = books.salesInvoiceNumbered(number);
            if (holder != null && (existing == null || !holder.invoiceId().equals(existing.invoiceId()))) {
                errors.add(NUMBER_NOT_UNIQUE);
            }
        }
        // Reference is a sales-invoice field; a bill keeps none.
        String reference = type == InvoiceType.ACCREC ? text(element, "Reference") : null;
        if (reference != null && reference.length() > 255) {
            errors.add("Reference must not be more than 255 characters long.");
        }
        LineAmountTypes amountTypes = LineAmountTypes.EXCLUSIVE;
        String typesText = text(element, "LineAmountTypes");
        if (typesText != null) {
            amountTypes = LineAmountTypes.fromWire(typesText);
            if (amountTypes == null) {
                errors.add("'" + typesText + "' is not a valid LineAmountTypes value (Exclusive, Inclusive, NoTax).");
                amountTypes = LineAmountTypes.EXCLUSIVE;
            }
        }
        List<LineItem> lines = new ArrayList<>();
        JsonNode lineNodes = element.get("LineItems");
        if (lineNodes == null || !lineNodes.isArray() || lineNodes.isEmpty()) {
            errors.add("Invoices must have at least one line item.");
        } else {
            for (JsonNode lineNode : lineNodes) {
                LineItem line = line(lineNode, type, amountTypes, status, errors);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        boolean approving = status == InvoiceStatus.AUTHORISED
                && (existing == null || existing.status() != InvoiceStatus.AUTHORISED);
        Integer limit = ledger.approvalLimit();
        if (approving && limit != null && books.approvals >= limit) {
            errors.add(APPROVAL_LIMIT);
        }
        if (!errors.isEmpty()) {
            return refuse(element, errors);
        }

        BigDecimal lineTotal = lines.stream().map(LineItem::lineAmount).reduce(money(0), BigDecimal::add);
        BigDecimal totalTax = lines.stream().map(LineItem::taxAmount).reduce(money(0), BigDecimal::add);
        BigDecimal subTotal = amountTypes == LineAmountTypes.INCLUSIVE ? lineTotal.subtract(totalTax) : lineTotal;
        BigDecimal total = subTotal.add(totalTax);
        if (contact.created() != null) {
            books.contacts.put(contact.created().contactId(), contact.created());
        }
        if (type == InvoiceType.ACCREC && number == null) {
            number = nextNumber();
        }
        if (approving) {
            books.approvals++;
        }
        // An approved invoice with nothing to pay is settled the moment it is approved.
        boolean settled = status == InvoiceStatus.AUTHORISED && total.signum() == 0;
        Invoice saved = new Invoice(existing == null ? UUID.randomUUID() : existing.invoiceId(), type, number,
                reference, contact.contact().contactId(), date, dueDate, settled ? InvoiceStatus.PAID : status,
                amountTypes, lines, currency, subTotal, totalTax, total, List.of(), settled ? date : null, now,
                existing == null ? clientId : existing.createdByApp());
        return keep(saved);
    }

    private Outcome keep(Invoice invoice) {
        books.invoices.put(invoice.invoiceId(), invoice);
        return new Saved(invoice);
    }

    private String nextNumber() {
        String number;
        do {
            number = ledger.invoiceNumber(books.nextNumber++);
        } while (books.salesInvoiceNumbered(number) != null);
        return number;
    }

    private InvoiceType type(JsonNode element, Invoice existing, List<String> errors) {
        String text = text(element, "Type");
        if (text == null) {
            errors.add("Invoice Type must be specified (ACCREC or ACCPAY).");
            return InvoiceType.ACCREC;
        }
        for (InvoiceType type : InvoiceType.values()) {
            if (type.name().equalsIgnoreCase(text.trim())) {
                if (existing != null && existing.type() != type) {
                    errors.add("The Type of an invoice cannot be changed.");
                }
                return type;
            }
        }
        errors.add("'" + text + "' is not a valid invoice Type (ACCREC or ACCPAY).");
        return InvoiceType.ACCREC;
    }

    /** The contact to use, and the contact to create with the invoice when it names one that does not exist. */
    private record ContactChoice(Contact contact, Contact created) {
    }

    private ContactChoice contact(JsonNode element, List<String> errors) {
        Contact none = Contact.named("");
        JsonNode node = element.get("Contact");
        if (node == null || !node.isObject()) {
            errors.add("A Contact must be specified for this type of transaction");
            return new ContactChoice(none, null);
        }
        String id = text(node, "ContactID");
        String contactNumber = text(node, "ContactNumber");
        String name = text(node, "Name");
        Contact found;
        if (id != null) {
            try {
                found = books.contacts.get(UUID.fromString(id.trim()));
            } catch (IllegalArgumentException e) {
                found = null;
            }
            if (found == null) {
                errors.add("Contact with ContactID '" + id + "' could not be found.");
                return new ContactChoice(none, null);
            }
        } else if (contactNumber != null && books.contactNumbered(contactNumber) != null) {
            found = books.contactNumbered(contactNumber);
        } else if (name != null) {
            found = books.activeContactNamed(name);
            if (found == null) {
                Contact created = new Contact(UUID.randomUUID(), name.trim(), null, null, null, contactNumber, null,
                        false, now);
                return new ContactChoice(created, created);
            }
        } else {
            errors.add("A Contact must be specified for this type of transaction");
            return new ContactChoice(none, null);
        }
        if (found.archived()) {
            errors.add("The contact '" + found.name() + "' is archived. Restore it in Xero or choose an active "
                    + "contact.");
        }
        return new ContactChoice(found, null);
    }

    private LineItem line(JsonNode node, InvoiceType type, LineAmountTypes amountTypes, InvoiceStatus status,
            List<String> errors) {
        if (!node.isObject()) {
            errors.add("Each line item must be a JSON object.");
            return null;
        }
        String itemCode = text(node, "ItemCode");
        if (itemCode == null && node.path("Item").isObject()) {
            itemCode = text(node.get("Item"), "Code");
        }
        Item item = null;
        if (itemCode != null) {
            item = books.itemCoded(itemCode);
            if (item == null) {
                errors.add("Item code '" + itemCode + "' is not valid.");
                return null;
            }
        }
        String description = text(node, "Description");
        if (description == null && item != null) {
            description = item.description() != null ? item.description() : item.name();
        }
        if (description == null && item == null) {
            errors.add("The description field is mandatory for each line item.");
        }
        String accountCode = text(node, "AccountCode");
        if (accountCode == null && item != null) {
            accountCode = item.accountCode();
        }
        Account account = accountCode == null ? null : ledger.account(accountCode);
        if (accountCode != null) {
            if (account == null) {
                errors.add("Account code '" + accountCode + "' is not a valid code for this document.");
            } else if (account.archived()) {
                errors.add("Account code '" + accountCode + "' has been archived, or has been deleted. "
                        + "Each line item must reference a valid account.");
            } else if (!account.usableOnLines()) {
                errors.add("Account code '" + accountCode + "' is a bank or system account and cannot be used on "
                        + "an invoice line.");
            }
        }

        BigDecimal quantity;
        BigDecimal unitAmount;
        BigDecimal lineAmount;
        BigDecimal discountRate;
        BigDecimal taxOverride;
        try {
            quantity = scaled(decimal(node, "Quantity"), 4);
            unitAmount = decimal(node, "UnitAmount");
            if (unitAmount == null && item != null) {
                unitAmount = item.unitPrice();
            }
            // Unit amounts keep 2 decimal places unless the request asked for unitdp=4.
            unitAmount = scaled(unitAmount, unitDecimals);
            lineAmount = scaled(decimal(node, "LineAmount"), 2);
            discountRate = decimal(node, "DiscountRate");
            taxOverride = scaled(decimal(node, "TaxAmount"), 2);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
        if (discountRate != null) {
            if (type != InvoiceType.ACCREC) {
                errors.add("A DiscountRate can only be given on sales invoice lines.");
            } else if (discountRate.signum() < 0 || discountRate.compareTo(HUNDRED) > 0) {
                errors.add("DiscountRate must be between 0 and 100.");
            }
        }
        if (quantity != null && unitAmount != null) {
            BigDecimal worked = quantity.multiply(unitAmount);
            if (discountRate != null) {
                worked = worked.multiply(HUNDRED.subtract(discountRate)).divide(HUNDRED);
            }
            worked = worked.setScale(2, RoundingMode.HALF_UP);
            if (lineAmount != null && lineAmount.compareTo(worked) != 0) {
                errors.add("The LineAmount " + lineAmount.toPlainString() + " does not equal Quantity x UnitAmount "
                        + "less discount (" + worked.toPlainString() + ").");
            }
            lineAmount = worked;
        } else if (lineAmount != null) {
            if (quantity == null && unitAmount == null) {
                quantity = scaled(BigDecimal.ONE, 4);
                unitAmount = scaled(lineAmount, unitDecimals);
            } else if (unitAmount == null) {
                if (quantity.signum() == 0) {
                    errors.add("Quantity must not be zero when the UnitAmount is to be worked out from the "
                            + "LineAmount.");
                    return null;
                }
                unitAmount = lineAmount.divide(quantity, unitDecimals, RoundingMode.HALF_UP);
            } else {
                if (unitAmount.signum() == 0) {
                    errors.add("UnitAmount must not be zero when the Quantity is to be worked out from the "
                            + "LineAmount.");
                    return null;
                }
                quantity = lineAmount.divide(unitAmount, 4, RoundingMode.HALF_UP);
            }
        } else if (unitAmount != null) {
            quantity = scaled(BigDecimal.ONE, 4);
            lineAmount = unitAmount.setScale(2, RoundingMode.HALF_UP);
        } else {
            lineAmount = money(0);
        }

        String taxType = text(node, "TaxType");
        if (taxType == null && item != null) {
            taxType = item.taxType();
        }
        if (taxType == null && account != null) {
            taxType = account.taxType();
        }
        BigDecimal tax = money(0);
        if (amountTypes == LineAmountTypes.NO_TAX) {
            taxType = "NONE";
        } else if (taxType != null) {
            TaxRate rate = ledger.taxRate(taxType);
            if (rate == null || (type == InvoiceType.ACCREC ? !rate.onSales() : !rate.onPurchases())) {
                errors.add("The TaxType code '" + taxType + "' does not exist or cannot be used for this type of "
                        + "transaction.");
            } else {
                taxType = rate.taxType();
                tax = taxOverride != null ? taxOverride : tax(lineAmount, rate.rate(), amountTypes);
            }
        }
        if (status == InvoiceStatus.AUTHORISED && accountCode == null && lineAmount.signum() != 0) {
            // Xero will not approve a line it cannot post; drafts may leave the account open.
            errors.add("An AccountCode must be given on each line item with an amount before the invoice can be "
                    + "approved.");
        }
        return new LineItem(lineItemId(node), description, quantity, unitAmount, itemCode,
                account == null ? accountCode : account.code(), taxType, tax, lineAmount, discountRate);
    }

    /** The line's own id when it is sent again on an update, so lines keep their ids; a new one otherwise. */
    private static UUID lineItemId(JsonNode node) {
        String id = text(node, "LineItemID");
        try {
            return id == null ? UUID.randomUUID() : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID();
        }
    }

    /** Tax on one line, rounded to 2 dp on its own; the invoice's tax is the sum of these. */
    static BigDecimal tax(BigDecimal lineAmount, BigDecimal ratePercent, LineAmountTypes amountTypes) {
        BigDecimal exact = switch (amountTypes) {
            case EXCLUSIVE -> lineAmount.multiply(ratePercent).divide(HUNDRED);
            case INCLUSIVE -> lineAmount.multiply(ratePercent).divide(HUNDRED.add(ratePercent), 10,
                    RoundingMode.HALF_UP);
            case NO_TAX -> BigDecimal.ZERO;
        };
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    private LocalDate date(JsonNode element, String field, List<String> errors) {
        String text = text(element, field);
        if (text == null) {
            return null;
        }
        try {
            return XeroJson.parseDate(text);
        } catch (IllegalArgumentException e) {
            errors.add(field + ": " + e.getMessage());
            return null;
        }
    }

    private static InvoiceStatus status(String text) {
        for (InvoiceStatus status : InvoiceStatus.values()) {
            if (status.name().equalsIgnoreCase(text.trim())) {
                return status;
            }
        }
        return null;
    }

    private static BigDecimal scaled(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(long amount) {
        return BigDecimal.valueOf(amount).setScale(2);
    }

    /** A failed element as Xero returns it: what was sent, an all-zero id if it had none, and the reasons. */
    static Refused refuse(JsonNode element, List<String> messages) {
        ObjectNode echo = element.isObject() ? ((ObjectNode) element).deepCopy() : XeroJson.object();
        if (!echo.has("InvoiceID")) {
            echo.put("InvoiceID", XeroJson.NO_ID);
        }
        echo.put("HasErrors", true);
        echo.put("StatusAttributeString", "ERROR");
        ArrayNode errors = XeroJson.validationErrors(messages);
        echo.set("ValidationErrors", errors);
        return new Refused(echo, List.copyOf(messages));
    }
}
