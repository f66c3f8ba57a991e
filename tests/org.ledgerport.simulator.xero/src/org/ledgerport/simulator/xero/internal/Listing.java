package org.ledgerport.simulator.xero.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.Item;
import org.ledgerport.simulator.xero.TaxRate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shared parts of Xero's GET lists: field names for where and order, If-Modified-Since, paging. */
final class Listing {

    /** Xero's page size, and the most a pageSize may ask for. */
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private Listing() {
    }

    /** One page of rows and Xero's pagination block. */
    record Page<T>(List<T> rows, ObjectNode pagination) {
    }

    /**
     * The requested page: {@code page} counts from 1 and {@code pageSize} defaults to 100. A request without a page
     * gets the first page too: whether Xero still returns everything unpaged is not settled, and a client that does
     * not page must not pass here by luck.
     */
    static <T> Page<T> page(List<T> rows, String page, String pageSize) {
        int number = positive(page, "page", 1);
        int size = Math.min(positive(pageSize, "pageSize", PAGE_SIZE), MAX_PAGE_SIZE);
        int from = (int) Math.min((long) (number - 1) * size, rows.size());
        int to = Math.min(from + size, rows.size());
        ObjectNode pagination = XeroJson.object();
        pagination.put("page", number);
        pagination.put("pageSize", size);
        pagination.put("pageCount", (rows.size() + size - 1) / size);
        pagination.put("itemCount", rows.size());
        return new Page<>(List.copyOf(rows.subList(from, to)), pagination);
    }

    private static int positive(String text, String name, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1) {
                throw new Where.QueryParseException(name + " must be 1 or more, not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Where.QueryParseException(name + " must be a whole number, not '" + text + "'");
        }
    }

    /**
     * The If-Modified-Since header as an instant: RFC 1123 ({@code Mon, 15 Jan 2024 10:00:00 GMT}) or ISO
     * ({@code 2024-01-15T10:00:00}, UTC unless an offset is given).
     *
     * @throws Where.QueryParseException when it is neither, rather than silently listing everything
     */
    static Instant modifiedSince(String header) {
        String text = header.trim();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notRfc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new Where.QueryParseException("If-Modified-Since '" + header + "' is not a date and time "
                            + "(use e.g. 2024-01-15T10:00:00 in UTC)");
                }
            }
        }
    }

    /**
     * Whether a row changed at or after {@code since}, compared to the second as Xero does; a row changed in the
     * same second as the previous poll comes again rather than being missed.
     */
    static boolean changedSince(Instant updated, Instant since) {
        return !updated.truncatedTo(ChronoUnit.SECONDS).isBefore(since.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code order=InvoiceNumber DESC}: a field of {@code fields} and an optional direction. */
    static <T> List<T> ordered(List<T> rows, String order, String entity, Map<String, Function<T, Object>> fields) {
        if (order == null || order.isBlank()) {
            return rows;
        }
        String[] parts = order.trim().split("\\s+");
        Function<T, Object> field = fields.get(parts[0].toLowerCase(Locale.ROOT));
        if (field == null || parts.length > 2 || (parts.length == 2 && !parts[1].equalsIgnoreCase("ASC")
                && !parts[1].equalsIgnoreCase("DESC"))) {
            throw new Where.QueryParseException("No property or field '" + parts[0] + "' exists in type '" + entity
                    + "' to order by");
        }
        Comparator<T> comparator = (a, b) -> compareValues(field.apply(a), field.apply(b));
        List<T> sorted = new ArrayList<>(rows);
        sorted.sort(parts.length == 2 && parts[1].equalsIgnoreCase("DESC") ? comparator.reversed() : comparator);
        return sorted;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return sortable(a).compareTo(sortable(b));
    }

    @SuppressWarnings("rawtypes")
    private static Comparable sortable(Object value) {
        if (value instanceof String text) {
            return text.toLowerCase(Locale.ROOT);
        }
        return value instanceof Comparable comparable ? comparable : String.valueOf(value);
    }

    static Map<String, Function<Invoice, Object>> invoiceFields(Books books) {
        Map<String, Function<Invoice, Object>> fields = new LinkedHashMap<>();
        fields.put("invoiceid", Invoice::invoiceId);
        fields.put("invoicenumber", Invoice::invoiceNumber);
        fields.put("reference", Invoice::reference);
        fields.put("type", invoice -> invoice.type().name());
        fields.put("status", invoice -> invoice.status().name());
        fields.put("contact.contactid", Invoice::contactId);
        fields.put("contact.name", invoice -> {
            Contact contact = books.contacts.get(invoice.contactId());
            return contact == null ? null : contact.name();
        });
        fields.put("date", Invoice::date);
        fields.put("duedate", Invoice::dueDate);
        fields.put("fullypaidondate", Invoice::fullyPaidOnDate);
        fields.put("currencycode", Invoice::currencyCode);
        fields.put("subtotal", Invoice::subTotal);
        fields.put("totaltax", Invoice::totalTax);
        fields.put("total", Invoice::total);
        fields.put("amountdue", Invoice::amountDue);
        fields.put("amountpaid", Invoice::amountPaid);
        fields.put("updateddateutc", Invoice::updated);
        return fields;
    }

    static Map<String, Function<Contact, Object>> contactFields() {
        Map<String, Function<Contact, Object>> fields = new LinkedHashMap<>();
        fields.put("contactid", Contact::contactId);
        fields.put("name", Contact::name);
        fields.put("firstname", Contact::firstName);
        fields.put("lastname", Contact::lastName);
        fields.put("emailaddress", Contact::emailAddress);
        fields.put("contactnumber", Contact::contactNumber);
        fields.put("accountnumber", Contact::accountNumber);
        fields.put("contactstatus", Contact::status);
        fields.put("iscustomer", contact -> Boolean.TRUE);
        fields.put("issupplier", contact -> Boolean.FALSE);
        fields.put("updateddateutc", Contact::updated);
        return fields;
    }

    static Map<String, Function<Item, Object>> itemFields() {
        Map<String, Function<Item, Object>> fields = new LinkedHashMap<>();
        fields.put("itemid", Item::itemId);
        fields.put("code", Item::code);
        fields.put("name", Item::name);
        fields.put("description", Item::description);
        fields.put("issold", item -> Boolean.TRUE);
        fields.put("ispurchased", item -> Boolean.FALSE);
        fields.put("updateddateutc", Item::updated);
        return fields;
    }

    static Map<String, Function<Account, Object>> accountFields() {
        Map<String, Function<Account, Object>> fields = new LinkedHashMap<>();
        fields.put("accountid", Account::accountId);
        fields.put("code", Account::code);
        fields.put("name", Account::name);
        fields.put("type", account -> account.type().name());
        fields.put("class", account -> account.type().accountClass());
        fields.put("status", account -> account.archived() ? "ARCHIVED" : "ACTIVE");
        fields.put("taxtype", Account::taxType);
        fields.put("systemaccount", Account::systemAccount);
        fields.put("enablepaymentstoaccount", Account::enablePaymentsToAccount);
        return fields;
    }

    static Map<String, Function<TaxRate, Object>> taxRateFields() {
        Map<String, Function<TaxRate, Object>> fields = new LinkedHashMap<>();
        fields.put("taxtype", TaxRate::taxType);
        fields.put("name", TaxRate::name);
        fields.put("status", rate -> "ACTIVE");
        fields.put("effectiverate", TaxRate::rate);
        fields.put("displaytaxrate", TaxRate::rate);
        fields.put("canapplytorevenue", TaxRate::onSales);
        fields.put("canapplytoexpenses", TaxRate::onPurchases);
        return fields;
    }
}
