package org.ledgerport.simulator.xero.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ledgerport.simulator.support.SimHandler;
import org.ledgerport.simulator.support.SimRequest;
import org.ledgerport.simulator.support.SimResponse;
import org.ledgerport.simulator.support.SimulatorServer;
import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.Item;
import org.ledgerport.simulator.xero.Payment;
import org.ledgerport.simulator.xero.TaxRate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Accounting API's endpoints under /api.xro/2.0 that an invoice export uses: Organisation, Currencies,
 * Accounts, TaxRates, Items, Contacts, Invoices and Payments. The {@link ApiGate} has checked the caller before a
 * handler runs.
 */
public final class AccountingApi {

    /** One element of a PUT or POST as written: its JSON answer, and whether it was refused. */
    private record Written(ObjectNode json, boolean refused) {
    }

    /** Writes one element into a draft of an organisation's books. */
    @FunctionalInterface
    private interface ElementWriter {
        Written write(Ledger ledger, Books draft, JsonNode element);
    }

    private final Ledgers ledgers;
    private final Identity identity;
    private final Clock clock;
    private final Function<String, String> appNames;

    /** @param appNames the name of each app by client id, Xero's ProviderName */
    public AccountingApi(Ledgers ledgers, Identity identity, Clock clock, Function<String, String> appNames) {
        this.ledgers = ledgers;
        this.identity = identity;
        this.clock = clock;
        this.appNames = appNames;
    }

    public void routes(SimulatorServer server) {
        String api = ApiGate.API;
        server.route("GET", api + "/Organisation", guarded(this::organisation));
        server.route("GET", api + "/Currencies", guarded(this::currencies));
        server.route("GET", api + "/Accounts", guarded(this::accounts));
        server.route("GET", api + "/Accounts/{id}", guarded(this::account));
        server.route("GET", api + "/TaxRates", guarded(this::taxRates));
        server.route("GET", api + "/Items", guarded(this::items));
        server.route("GET", api + "/Items/{id}", guarded(this::item));
        server.route("PUT", api + "/Items", guarded(request -> write(request, "Items", items(request, false))));
        server.route("POST", api + "/Items", guarded(request -> write(request, "Items", items(request, true))));
        server.route("POST", api + "/Items/{id}", guarded(this::updateItem));
        server.route("GET", api + "/Contacts", guarded(this::contacts));
        server.route("GET", api + "/Contacts/{id}", guarded(this::contact));
        server.route("PUT", api + "/Contacts", guarded(request -> write(request, "Contacts",
                contacts(request, false))));
        server.route("POST", api + "/Contacts", guarded(request -> write(request, "Contacts",
                contacts(request, true))));
        server.route("POST", api + "/Contacts/{id}", guarded(this::updateContact));
        server.route("GET", api + "/Invoices", guarded(this::invoices));
        server.route("GET", api + "/Invoices/{id}", guarded(this::invoice));
        server.route("PUT", api + "/Invoices", guarded(request -> write(request, "Invoices",
                invoices(request, false))));
        server.route("POST", api + "/Invoices", guarded(request -> write(request, "Invoices",
                invoices(request, true))));
        server.route("POST", api + "/Invoices/{id}", guarded(this::updateInvoice));
        server.route("GET", api + "/Payments", guarded(this::payments));
        server.route("GET", api + "/Payments/{id}", guarded(this::payment));
        // PUT creates many; POST creates one (Xero has no update of a payment, only deletion).
        server.route("PUT", api + "/Payments", guarded(request -> write(request, "Payments", newPayments())));
        server.route("POST", api + "/Payments", guarded(request -> write(request, "Payments", newPayments())));
    }

    /** A where, order or paging parameter the API cannot read is answered as Xero does, with 400. */
    private static SimHandler guarded(SimHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (Where.QueryParseException e) {
                return SimResponse.json(400, XeroErrors.queryParse(e.getMessage()));
            }
        };
    }

    // ---- settings ----

    private SimResponse organisation(SimRequest request) {
        ArrayNode rows = XeroJson.array().add(XeroJson.organisation(ledger(request).settings()));
        return ok(request, "Organisations", rows, null);
    }

    private SimResponse currencies(SimRequest request) {
        ArrayNode rows = XeroJson.array();
        ledger(request).settings().currencies().stream().sorted().forEach(code -> rows.addObject()
                .put("Code", code).put("Description", Currency.getInstance(code).getDisplayName(Locale.ENGLISH)));
        return ok(request, "Currencies", rows, null);
    }

    private SimResponse accounts(SimRequest request) {
        List<Account> rows = filtered(request,
                new ArrayList<>(ledger(request).accounts().values()), "Account", Listing.accountFields());
        return ok(request, "Accounts", json(rows, XeroJson::account), null);
    }

    private SimResponse account(SimRequest request) {
        String id = request.pathParam("id");
        return ledger(request).accounts().values().stream()
                .filter(a -> a.accountId().toString().equalsIgnoreCase(id) || a.code().equalsIgnoreCase(id))
                .findFirst().map(a -> ok(request, "Accounts", XeroJson.array().add(XeroJson.account(a)), null))
                .orElseGet(() -> notFound("account", id));
    }

    private SimResponse taxRates(SimRequest request) {
        List<TaxRate> rows = new ArrayList<>(ledger(request).taxRates().values());
        String taxType = request.queryParam("TaxType").orElse(null);
        if (taxType != null) {
            rows.removeIf(rate -> !rate.taxType().equalsIgnoreCase(taxType));
        }
        rows = filtered(request, rows, "TaxRate", Listing.taxRateFields());
        return ok(request, "TaxRates", json(rows, XeroJson::taxRate), null);
    }

    // ---- items ----

    private SimResponse items(SimRequest request) {
        Books books = ledger(request).books();
        List<Item> rows = modifiedSince(request, new ArrayList<>(books.items.values()), Item::updated);
        rows = filtered(request, rows, "Item", Listing.itemFields());
        return ok(request, "Items", json(rows, XeroJson::item), null);
    }

    private SimResponse item(SimRequest request) {
        Ledger ledger = ledger(request);
        Item item = new ItemRules(ledger, ledger.books(), clock.instant()).find(request.pathParam("id"));
        return item == null ? notFound("item", request.pathParam("id"))
                : ok(request, "Items", XeroJson.array().add(XeroJson.item(item)), null);
    }

    private ElementWriter items(SimRequest request, boolean orUpdate) {
        Instant now = now();
        return (ledger, draft, element) -> {
            ItemRules rules = new ItemRules(ledger, draft, now);
            ItemRules.Outcome outcome = orUpdate ? rules.createOrUpdate(element) : rules.create(element);
            return outcome.saved() == null ? new Written(outcome.echo(), true)
                    : new Written(XeroJson.item(outcome.saved()), false);
        };
    }

    private SimResponse updateItem(SimRequest request) {
        Ledger ledger = ledger(request);
        String id = request.pathParam("id");
        if (new ItemRules(ledger, ledger.books(), now()).find(id) == null) {
            return notFound("item", id);
        }
        return write(request, "Items", (owner, draft, element) -> {
            ObjectNode named = element.isObject() ? ((ObjectNode) element).deepCopy() : XeroJson.object();
            named.put("ItemID", new ItemRules(owner, draft, now()).find(id).itemId().toString());
            return items(request, true).write(owner, draft, named);
        });
    }

    // ---- contacts ----

    private SimResponse contacts(SimRequest request) {
        Books books = ledger(request).books();
        List<Contact> rows = new ArrayList<>(books.contacts.values());
        if (!request.queryParam("includeArchived").map(Boolean::parseBoolean).orElse(false)) {
            rows.removeIf(Contact::archived);
        }
        Set<String> ids = csv(request, "IDs");
        if (!ids.isEmpty()) {
            rows.removeIf(c -> !ids.contains(c.contactId().toString().toLowerCase(Locale.ROOT)));
        }
        String term = request.queryParam("searchTerm").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        if (term != null) {
            rows.removeIf(c -> Stream.of(c.name(), c.firstName(), c.lastName(), c.contactNumber(), c.emailAddress())
                    .noneMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(term)));
        }
        rows = modifiedSince(request, rows, Contact::updated);
        rows = filtered(request, rows, "Contact", Listing.contactFields());
        Listing.Page<Contact> page = Listing.page(rows, request.queryParam("page").orElse(null),
                request.queryParam("pageSize").orElse(null));
        return ok(request, "Contacts", json(page.rows(), XeroJson::contact),
                request.queryParam("page").isPresent() ? page.pagination() : null);
    }

    private SimResponse contact(SimRequest request) {
        Contact contact = findContact(ledger(request).books(), request.pathParam("id"));
        return contact == null ? notFound("contact", request.pathParam("id"))
                : ok(request, "Contacts", XeroJson.array().add(XeroJson.contact(contact)), null);
    }

    private static Contact findContact(Books books, String idOrNumber) {
        Contact byId = new ContactRules(books, Instant.EPOCH).find(idOrNumber);
        return byId != null ? byId : books.contactNumbered(idOrNumber);
    }

    private ElementWriter contacts(SimRequest request, boolean orUpdate) {
        Instant now = now();
        return (ledger, draft, element) -> {
            ContactRules rules = new ContactRules(draft, now);
            ContactRules.Outcome outcome = orUpdate ? rules.createOrUpdate(element) : rules.create(element);
            return outcome.saved() == null ? new Written(outcome.echo(), true)
                    : new Written(XeroJson.contact(outcome.saved()), false);
        };
    }

    private SimResponse updateContact(SimRequest request) {
        String id = request.pathParam("id");
        if (findContact(ledger(request).books(), id) == null) {
            return notFound("contact", id);
        }
        return write(request, "Contacts", (ledger, draft, element) -> {
            Contact existing = findContact(draft, id);
            ContactRules.Outcome outcome = new ContactRules(draft, now()).save(element, existing);
            return outcome.saved() == null ? new Written(outcome.echo(), true)
                    : new Written(XeroJson.contact(outcome.saved()), false);
        });
    }

    // ---- invoices ----

    private SimResponse invoices(SimRequest request) {
        Books books = ledger(request).books();
        List<Invoice> rows = new ArrayList<>(books.invoices.values());
        Set<String> ids = csv(request, "IDs");
        if (!ids.isEmpty()) {
            rows.removeIf(i -> !ids.contains(i.invoiceId().toString().toLowerCase(Locale.ROOT)));
        }
        Set<String> numbers = csv(request, "InvoiceNumbers");
        if (!numbers.isEmpty()) {
            rows.removeIf(i -> i.invoiceNumber() == null
                    || !numbers.contains(i.invoiceNumber().toLowerCase(Locale.ROOT)));
        }
        Set<String> contactIds = csv(request, "ContactIDs");
        if (!contactIds.isEmpty()) {
            rows.removeIf(i -> !contactIds.contains(i.contactId().toString().toLowerCase(Locale.ROOT)));
        }
        Set<String> statuses = csv(request, "Statuses");
        if (!statuses.isEmpty()) {
            rows.removeIf(i -> !statuses.contains(i.status().name().toLowerCase(Locale.ROOT)));
        }
        if (request.queryParam("createdByMyApp").map(Boolean::parseBoolean).orElse(false)) {
            String app = caller(request);
            rows.removeIf(i -> !Objects.equals(app, i.createdByApp()));
        }
        String term = request.queryParam("searchTerm").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        if (term != null) {
            rows.removeIf(i -> Stream.of(i.invoiceNumber(), i.reference())
                    .noneMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(term)));
        }
        rows = modifiedSince(request, rows, Invoice::updated);
        rows = filtered(request, rows, "Invoice", Listing.invoiceFields(books));
        Listing.Page<Invoice> page = Listing.page(rows, request.queryParam("page").orElse(null),
                request.queryParam("pageSize").orElse(null));
        // Lines come with a page (Xero's documented way to get them in a list), never with summaryOnly.
        boolean withLines = request.queryParam("page").isPresent()
                && !request.queryParam("summaryOnly").map(Boolean::parseBoolean).orElse(false);
        ArrayNode json = json(page.rows(), i -> XeroJson.invoice(i, books.contacts.get(i.contactId()), withLines));
        return ok(request, "Invoices", json, request.queryParam("page").isPresent() ? page.pagination() : null);
    }

    private SimResponse invoice(SimRequest request) {
        Books books = ledger(request).books();
        Invoice invoice = findInvoice(books, request.pathParam("id"));
        return invoice == null ? notFound("invoice", request.pathParam("id"))
                : ok(request, "Invoices", XeroJson.array().add(
                        XeroJson.invoice(invoice, books.contacts.get(invoice.contactId()), true)), null);
    }

    /** By InvoiceID, or by InvoiceNumber as Xero also allows (the live sales invoice first). */
    private static Invoice findInvoice(Books books, String idOrNumber) {
        try {
            return books.invoices.get(UUID.fromString(idOrNumber.trim()));
        } catch (IllegalArgumentException notAnId) {
            Invoice sales = books.salesInvoiceNumbered(idOrNumber);
            return sales != null ? sales : books.invoices.values().stream()
                    .filter(i -> idOrNumber.equalsIgnoreCase(i.invoiceNumber())).findFirst().orElse(null);
        }
    }

    private ElementWriter invoices(SimRequest request, boolean orUpdate) {
        Instant now = now();
        String app = caller(request);
        int unitDecimals = request.queryParam("unitdp").filter("4"::equals).isPresent() ? 4 : 2;
        return (ledger, draft, element) -> {
            InvoiceRules rules = new InvoiceRules(ledger, draft, now, app, unitDecimals);
            return written(draft, orUpdate ? rules.createOrUpdate(element) : rules.create(element));
        };
    }

    private static Written written(Books draft, InvoiceRules.Outcome outcome) {
        if (outcome instanceof InvoiceRules.Saved saved) {
            Invoice invoice = saved.invoice();
            return new Written(XeroJson.invoice(invoice, draft.contacts.get(invoice.contactId()), true), false);
        }
        return new Written(((InvoiceRules.Refused) outcome).echo(), true);
    }

    private SimResponse updateInvoice(SimRequest request) {
        String id = request.pathParam("id");
        if (findInvoice(ledger(request).books(), id) == null) {
            return notFound("invoice", id);
        }
        String app = caller(request);
        int unitDecimals = request.queryParam("unitdp").filter("4"::equals).isPresent() ? 4 : 2;
        Instant now = now();
        return write(request, "Invoices", (ledger, draft, element) -> written(draft,
                new InvoiceRules(ledger, draft, now, app, unitDecimals).update(findInvoice(draft, id), element)));
    }

    // ---- payments ----

    /** Every payment on the organisation's invoices, oldest first, 100 a page. */
    private SimResponse payments(SimRequest request) {
        Ledger ledger = ledger(request);
        Books books = ledger.books();
        record Paid(Payment payment, Invoice invoice) {
        }
        List<Paid> rows = new ArrayList<>();
        books.invoices.values().forEach(i -> i.payments().forEach(p -> rows.add(new Paid(p, i))));
        rows.sort(Comparator.comparing(paid -> paid.payment().updated()));
        List<Paid> changed = modifiedSince(request, rows, paid -> paid.payment().updated());
        Listing.Page<Paid> page = Listing.page(changed, request.queryParam("page").orElse(null),
                request.queryParam("pageSize").orElse(null));
        ArrayNode json = json(page.rows(), paid -> paymentJson(ledger, books, paid.payment(), paid.invoice()));
        return ok(request, "Payments", json, request.queryParam("page").isPresent() ? page.pagination() : null);
    }

    private SimResponse payment(SimRequest request) {
        Ledger ledger = ledger(request);
        Books books = ledger.books();
        String id = request.pathParam("id");
        for (Invoice invoice : books.invoices.values()) {
            for (Payment payment : invoice.payments()) {
                if (payment.paymentId().toString().equalsIgnoreCase(id.trim())) {
                    return ok(request, "Payments", XeroJson.array().add(paymentJson(ledger, books, payment,
                            invoice)), null);
                }
            }
        }
        return notFound("payment", id);
    }

    private ElementWriter newPayments() {
        Instant now = now();
        return (ledger, draft, element) -> {
            PaymentRules.Outcome outcome = new PaymentRules(ledger, draft, now).create(element);
            if (outcome instanceof PaymentRules.Saved saved) {
                return new Written(paymentJson(ledger, draft, saved.payment(), saved.invoice()), false);
            }
            return new Written(((PaymentRules.Refused) outcome).echo(), true);
        };
    }

    private static ObjectNode paymentJson(Ledger ledger, Books books, Payment payment, Invoice invoice) {
        return XeroJson.payment(payment, invoice, books.contacts.get(invoice.contactId()),
                ledger.account(payment.accountCode()));
    }

    // ---- shared ----

    /**
     * A PUT or POST of many elements. With summarizeErrors=false every valid element is saved and the answer is
     * 200 listing each element, refused ones with their ValidationErrors. Otherwise one refused element fails the
     * whole request with a 400 ValidationException and nothing is saved. Without the parameter the stricter mode
     * applies: Xero's schema and its documented behaviour disagree on the default.
     */
    private SimResponse write(SimRequest request, String collection, ElementWriter writer) {
        JsonNode body;
        try {
            body = XeroJson.parse(request.body());
        } catch (JsonProcessingException e) {
            return SimResponse.json(400, XeroErrors.postDataInvalid("The body is not valid JSON: "
                    + e.getOriginalMessage()));
        }
        List<JsonNode> elements = elements(body, collection);
        if (elements == null) {
            return SimResponse.json(400, XeroErrors.postDataInvalid("The body must be {\"" + collection
                    + "\": [ ... ]}."));
        }
        boolean summarize = !request.queryParam("summarizeErrors").map("false"::equalsIgnoreCase).orElse(false);
        Ledger ledger = ledger(request);
        List<Written> results = ledger.write(draft -> {
            List<Written> each = new ArrayList<>();
            for (JsonNode element : elements) {
                each.add(writer.write(ledger, draft, element));
            }
            return each;
        }, each -> !summarize || each.stream().noneMatch(Written::refused));
        if (summarize && results.stream().anyMatch(Written::refused)) {
            ArrayNode failed = XeroJson.array();
            results.stream().filter(Written::refused).forEach(w -> failed.add(w.json()));
            return SimResponse.json(400, XeroJson.write(XeroErrors.validationException(failed)));
        }
        ArrayNode rows = XeroJson.array();
        for (Written result : results) {
            if (!summarize && !result.refused()) {
                result.json().put("StatusAttributeString", "OK");
            }
            rows.add(result.json());
        }
        return ok(request, collection, rows, null);
    }

    private static List<JsonNode> elements(JsonNode body, String collection) {
        if (body == null) {
            return null;
        }
        if (body.isArray()) {
            return toList(body);
        }
        if (!body.isObject()) {
            return null;
        }
        JsonNode list = body.get(collection);
        if (list == null) {
            return List.of(body);
        }
        return list.isArray() && !list.isEmpty() ? toList(list) : null;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static <T> List<T> filtered(SimRequest request, List<T> rows, String entity,
            Map<String, Function<T, Object>> fields) {
        List<T> result = rows;
        String where = request.queryParam("where").orElse(null);
        if (where != null && !where.isBlank()) {
            Predicate<T> predicate = Where.parse(where, entity, fields);
            result = result.stream().filter(predicate).toList();
        }
        return Listing.ordered(result, request.queryParam("order").orElse(null), entity, fields);
    }

    private static <T> List<T> modifiedSince(SimRequest request, List<T> rows, Function<T, Instant> updated) {
        String header = request.header("If-Modified-Since").orElse(null);
        if (header == null || header.isBlank()) {
            return rows;
        }
        Instant since = Listing.modifiedSince(header);
        return rows.stream().filter(row -> Listing.changedSince(updated.apply(row), since)).toList();
    }

    private static Set<String> csv(SimRequest request, String name) {
        return request.queryParam(name).map(value -> Arrays.stream(value.split(",")).map(String::trim)
                .filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private static <T> ArrayNode json(List<T> rows, Function<T, ObjectNode> mapper) {
        ArrayNode array = XeroJson.array();
        rows.forEach(row -> array.add(mapper.apply(row)));
        return array;
    }

    /** Xero's envelope: Id, Status, ProviderName, DateTimeUTC, the rows, and the pagination block if paged. */
    private SimResponse ok(SimRequest request, String collection, ArrayNode rows, ObjectNode pagination) {
        ObjectNode body = XeroJson.object();
        body.put("Id", UUID.randomUUID().toString());
        body.put("Status", "OK");
        body.put("ProviderName", appNames.apply(caller(request)));
        body.put("DateTimeUTC", XeroJson.msDate(now()));
        if (pagination != null) {
            body.set("pagination", pagination);
        }
        body.set(collection, rows);
        return SimResponse.json(200, XeroJson.write(body));
    }

    private static SimResponse notFound(String what, String id) {
        return SimResponse.json(404, XeroErrors.problem(404, "Not Found", "No " + what + " " + id
                + " in this organisation"));
    }

    private Ledger ledger(SimRequest request) {
        return ledgers.require(UUID.fromString(request.header(ApiGate.TENANT_HEADER).orElseThrow().trim()));
    }

    /** The app calling; the gate let the call through, so its token named one. */
    private String caller(SimRequest request) {
        Identity.Caller caller = identity.access(request).caller();
        return caller == null ? null : caller.clientId();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
