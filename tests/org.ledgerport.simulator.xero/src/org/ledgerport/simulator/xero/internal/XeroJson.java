package org.ledgerport.simulator.xero.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.InvoiceType;
import org.ledgerport.simulator.xero.Item;
import org.ledgerport.simulator.xero.LineItem;
import org.ledgerport.simulator.xero.Organisation;
import org.ledgerport.simulator.xero.Payment;
import org.ledgerport.simulator.xero.TaxRate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Xero's JSON: PascalCase fields, MS-JSON dates with ISO companions, amounts as exact decimals. */
public final class XeroJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");
    /** The all-zero id Xero gives an element it refused to create. */
    static final String NO_ID = new UUID(0, 0).toString();
    private static final DateTimeFormatter DATE_STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private XeroJson() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The request body as a tree; an exception names what is wrong with it. */
    public static JsonNode parse(String body) throws JsonProcessingException {
        return MAPPER.readTree(body);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of our own making could not be written", e);
        }
    }

    /** {@code /Date(1705276800000+0000)/}, Xero's form for an instant. */
    public static String msDate(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    /** A calendar date in Xero's MS-JSON form: midnight UTC of that day. */
    public static String msDate(LocalDate date) {
        return msDate(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The companion {@code …String} field: {@code 2024-01-15T00:00:00}. */
    public static String dateString(LocalDate date) {
        return DATE_STRING.format(date.atStartOfDay());
    }

    /**
     * A date as clients send it: {@code 2024-01-15}, {@code 2024-01-15T00:00:00} or the MS-JSON form.
     *
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static LocalDate parseDate(String text) {
        Matcher ms = MS_DATE.matcher(text.trim());
        if (ms.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(ms.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            if (text.length() > 10) {
                return LocalDateTime.parse(text.trim()).toLocalDate();
            }
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The date '" + text + "' is not a valid date. Use YYYY-MM-DD.", e);
        }
    }

    /** Text of a field, or null when the field is absent, null or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /**
     * A decimal field, or null when absent or null.
     *
     * @throws IllegalArgumentException when the field holds something that is not a number
     */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + value.asText() + "' is not a number.", e);
        }
    }

    public static ObjectNode organisation(Organisation org) {
        ObjectNode node = object();
        node.put("OrganisationID", org.tenantId().toString());
        node.put("Name", org.name());
        node.put("LegalName", org.name());
        node.put("ShortCode", "!" + org.tenantId().toString().substring(0, 5));
        node.put("OrganisationType", "COMPANY");
        node.put("BaseCurrency", org.baseCurrency());
        node.put("CountryCode", org.countryCode());
        node.put("Timezone", org.timezone().getId());
        node.put("Version", org.countryCode());
        node.put("OrganisationStatus", "ACTIVE");
        node.put("IsDemoCompany", false);
        return node;
    }

    public static ObjectNode account(Account account) {
        ObjectNode node = object();
        node.put("AccountID", account.accountId().toString());
        node.put("Code", account.code());
        node.put("Name", account.name());
        node.put("Type", account.type().name());
        node.put("Class", account.type().accountClass());
        node.put("TaxType", account.taxType());
        node.put("Status", account.archived() ? "ARCHIVED" : "ACTIVE");
        node.put("EnablePaymentsToAccount", account.enablePaymentsToAccount());
        if (account.systemAccount() != null) {
            node.put("SystemAccount", account.systemAccount());
        }
        return node;
    }

    public static ObjectNode taxRate(TaxRate rate) {
        ObjectNode node = object();
        node.put("Name", rate.name());
        node.put("TaxType", rate.taxType());
        node.put("Status", "ACTIVE");
        node.put("ReportTaxType", rate.onSales() ? "OUTPUT" : "INPUT");
        node.put("CanApplyToRevenue", rate.onSales());
        node.put("CanApplyToExpenses", rate.onPurchases());
        node.put("DisplayTaxRate", rate.rate());
        node.put("EffectiveRate", rate.rate());
        ObjectNode component = node.putArray("TaxComponents").addObject();
        component.put("Name", rate.name());
        component.put("Rate", rate.rate());
        component.put("IsCompound", false);
        component.put("IsNonRecoverable", false);
        return node;
    }

    public static ObjectNode item(Item item) {
        ObjectNode node = object();
        node.put("ItemID", item.itemId().toString());
        node.put("Code", item.code());
        putIfPresent(node, "Name", item.name());
        putIfPresent(node, "Description", item.description());
        node.put("IsSold", true);
        node.put("IsPurchased", false);
        node.put("IsTrackedAsInventory", false);
        ObjectNode sales = node.putObject("SalesDetails");
        if (item.unitPrice() != null) {
            sales.put("UnitPrice", item.unitPrice());
        }
        putIfPresent(sales, "AccountCode", item.accountCode());
        putIfPresent(sales, "TaxType", item.taxType());
        node.put("UpdatedDateUTC", msDate(item.updated()));
        return node;
    }

    public static ObjectNode contact(Contact contact) {
        ObjectNode node = object();
        node.put("ContactID", contact.contactId().toString());
        node.put("ContactStatus", contact.status());
        node.put("Name", contact.name());
        putIfPresent(node, "FirstName", contact.firstName());
        putIfPresent(node, "LastName", contact.lastName());
        putIfPresent(node, "EmailAddress", contact.emailAddress());
        putIfPresent(node, "ContactNumber", contact.contactNumber());
        putIfPresent(node, "AccountNumber", contact.accountNumber());
        node.put("IsCustomer", true);
        node.put("IsSupplier", false);
        node.put("UpdatedDateUTC", msDate(contact.updated()));
        return node;
    }

    /**
     * An invoice as Xero returns it; without its lines when {@code withLines} is false (Xero leaves them out of
     * lists fetched without paging, and of summaryOnly lists).
     */
    public static ObjectNode invoice(Invoice invoice, Contact contact, boolean withLines) {
        ObjectNode node = object();
        node.put("Type", invoice.type().name());
        node.put("InvoiceID", invoice.invoiceId().toString());
        node.put("InvoiceNumber", invoice.invoiceNumber() == null ? "" : invoice.invoiceNumber());
        node.put("Reference", invoice.reference() == null ? "" : invoice.reference());
        ObjectNode contactNode = node.putObject("Contact");
        contactNode.put("ContactID", invoice.contactId().toString());
        if (contact != null) {
            contactNode.put("Name", contact.name());
            contactNode.put("ContactStatus", contact.status());
        }
        node.put("Date", msDate(invoice.date()));
        node.put("DateString", dateString(invoice.date()));
        if (invoice.dueDate() != null) {
            node.put("DueDate", msDate(invoice.dueDate()));
            node.put("DueDateString", dateString(invoice.dueDate()));
        }
        node.put("Status", invoice.status().name());
        node.put("LineAmountTypes", invoice.lineAmountTypes().wireName());
        if (withLines) {
            ArrayNode lines = node.putArray("LineItems");
            invoice.lineItems().forEach(line -> lines.add(lineItem(line)));
        }
        node.put("CurrencyCode", invoice.currencyCode());
        node.put("CurrencyRate", BigDecimal.ONE);
        node.put("SubTotal", invoice.subTotal());
        node.put("TotalTax", invoice.totalTax());
        node.put("Total", invoice.total());
        node.put("AmountDue", invoice.amountDue());
        node.put("AmountPaid", invoice.amountPaid());
        node.put("AmountCredited", BigDecimal.ZERO.setScale(2));
        if (invoice.fullyPaidOnDate() != null) {
            node.put("FullyPaidOnDate", msDate(invoice.fullyPaidOnDate()));
        }
        ArrayNode payments = node.putArray("Payments");
        invoice.payments().forEach(payment -> payments.add(payment(payment)));
        node.put("SentToContact", false);
        node.put("HasAttachments", false);
        node.put("HasErrors", false);
        node.put("UpdatedDateUTC", msDate(invoice.updated()));
        return node;
    }

    private static ObjectNode lineItem(LineItem line) {
        ObjectNode node = object();
        node.put("LineItemID", line.lineItemId().toString());
        putIfPresent(node, "Description", line.description());
        if (line.quantity() != null) {
            node.put("Quantity", line.quantity());
        }
        if (line.unitAmount() != null) {
            node.put("UnitAmount", line.unitAmount());
        }
        putIfPresent(node, "ItemCode", line.itemCode());
        putIfPresent(node, "AccountCode", line.accountCode());
        putIfPresent(node, "TaxType", line.taxType());
        node.put("TaxAmount", line.taxAmount());
        node.put("LineAmount", line.lineAmount());
        if (line.discountRate() != null) {
            node.put("DiscountRate", line.discountRate());
        }
        node.putArray("Tracking");
        return node;
    }

    private static ObjectNode payment(Payment payment) {
        ObjectNode node = object();
        node.put("PaymentID", payment.paymentId().toString());
        node.put("Date", msDate(payment.date()));
        node.put("Amount", payment.amount());
        putIfPresent(node, "Reference", payment.reference());
        node.put("CurrencyRate", BigDecimal.ONE);
        return node;
    }

    /**
     * A payment as the Payments endpoint returns it: with the account it went into and the invoice it paid, as the
     * invoice is after it (without lines).
     *
     * @param account null when the account is no longer in the chart
     */
    public static ObjectNode payment(Payment payment, Invoice invoice, Contact contact, Account account) {
        ObjectNode node = object();
        node.put("PaymentID", payment.paymentId().toString());
        node.put("Date", msDate(payment.date()));
        node.put("BankAmount", payment.amount());
        node.put("Amount", payment.amount());
        node.put("Reference", payment.reference() == null ? "" : payment.reference());
        node.put("CurrencyRate", BigDecimal.ONE);
        node.put("PaymentType", invoice.type() == InvoiceType.ACCREC ? "ACCRECPAYMENT" : "ACCPAYPAYMENT");
        node.put("Status", "AUTHORISED");
        node.put("UpdatedDateUTC", msDate(payment.updated()));
        node.put("HasAccount", true);
        node.put("IsReconciled", false);
        ObjectNode accountNode = node.putObject("Account");
        if (account != null) {
            accountNode.put("AccountID", account.accountId().toString());
            accountNode.put("Name", account.name());
        }
        accountNode.put("Code", payment.accountCode());
        node.set("Invoice", invoice(invoice, contact, false));
        node.put("HasValidationErrors", false);
        return node;
    }

    /** One {"Message": "..."} per message, Xero's ValidationError. */
    public static ArrayNode validationErrors(Collection<String> messages) {
        ArrayNode errors = array();
        messages.forEach(message -> errors.addObject().put("Message", message));
        return errors;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
