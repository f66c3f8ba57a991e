package org.ledgerport.connector.quickbooks.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.ledgerport.connector.http.PerConnection;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.ExternalPayment;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.OutgoingPayment;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.connector.Resolution;
import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.connector.WithdrawalPlan;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An export to one QuickBooks Online company. */
final class QuickBooksSession implements ConnectorSession {

    /** Names per query: the IN list travels in the URL, which servers cap at a few kilobytes. */
    private static final int NAMES_PER_QUERY = 40;
    /** Change data capture looks back at most 30 days. */
    private static final Duration CHANGE_WINDOW = Duration.ofDays(30);
    /** Change data capture answers with at most this many objects; a full answer may have left some out. */
    private static final int CHANGES_PER_ANSWER = 1000;
    private static final int MEMO_LIMIT = 1000;
    private static final int DESCRIPTION_LIMIT = 4000;
    /** [unverified] QuickBooks documents no length for a payment's reference; 21, its cap on numbers, is safe. */
    private static final int PAYMENT_REFERENCE_LIMIT = 21;
    /** The account types a payment can be deposited into (the Payment entity's DepositToAccountRef). */
    private static final Set<String> DEPOSIT_ACCOUNT_TYPES = Set.of("Bank", "Other Current Asset");

    private final Connection connection;
    private final QuickBooksSettings settings;
    private final QuickBooksApi api;
    private final PerConnection.Slot<CompanyLists> cache;
    private final Clock clock;
    private final Map<String, String> namedItemIds = new HashMap<>();
    private final Map<String, ExternalInvoice> ours = new HashMap<>();
    private Instant scannedAt = Instant.MIN;
    private Instant pushedAt = Instant.MIN;

    /** @param cache the company's lists, kept for the sessions of one connection */
    QuickBooksSession(Connection connection, QuickBooksSettings settings, QuickBooksApi api,
            PerConnection.Slot<CompanyLists> cache, Clock clock) {
        this.connection = connection;
        this.settings = settings;
        this.api = api;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public ReferenceData referenceData(boolean refresh) throws ConnectorException {
        return lists(refresh).reference();
    }

    CompanyLists lists(boolean refresh) throws ConnectorException {
        Optional<CompanyLists> cached = cache.get();
        if (cached.isPresent() && !refresh) {
            return cached.get();
        }
        List<JsonNode> chart = api.query("Account", "select * from Account", "The list of accounts");
        List<ReferenceEntry> accounts = chart.stream().map(a -> entry(a, "Name")).toList();
        List<ReferenceEntry> depositAccounts = chart.stream()
                .filter(a -> DEPOSIT_ACCOUNT_TYPES.contains(a.path("AccountType").asText("")))
                .map(a -> entry(a, "Name")).filter(ReferenceEntry::active).toList();
        List<ReferenceEntry> taxCodes = api.query("TaxCode", "select * from TaxCode", "The list of tax codes")
                .stream().map(t -> entry(t, "Name")).toList();
        List<ReferenceEntry> items = api.query("Item", "select * from Item", "The list of products and services")
                .stream().map(i -> entry(i, "Name")).toList();
        CompanyPreferences preferences = CompanyPreferences.of(
                api.get("preferences", "The company's preferences").path("Preferences"),
                api.get("companyinfo/" + settings.requireRealm(), "The company's details").path("CompanyInfo"));
        CompanyLists lists = new CompanyLists(new ReferenceData(taxCodes, accounts, items, clock.instant(),
                depositAccounts),
                preferences, cached.map(CompanyLists::inactiveCustomers).orElse(Set.of()));
        cache.put(lists);
        return lists;
    }

    private static ReferenceEntry entry(JsonNode entity, String nameField) {
        String name = entity.path(nameField).asText("");
        return new ReferenceEntry(entity.path("Id").asText(), name, name, entity.path("Active").asBoolean(true));
    }

    @Override
    public List<Problem> validate(OutgoingInvoice outgoing, ReferenceData reference) {
        Optional<CompanyLists> lists = cache.get();
        Invoice invoice = outgoing.invoice();
        List<Problem> problems = new ArrayList<>();
        Customer customer = outgoing.customer();
        Names.refusal(customer.name(), Names.CUSTOMER_NAME_LIMIT).ifPresent(why -> problems.add(Problem.error(
                "customer.name-invalid", "customer", "Customer name '%s' %s. Change the name here, then export again."
                        .formatted(customer.name(), why))));
        if (lists.isPresent() && lists.get().inactiveCustomers().contains(Names.key(customer.name()))) {
            problems.add(inactiveCustomer(customer.name()));
        }
        lists.map(CompanyLists::preferences).ifPresent(preferences -> {
            String currency = invoice.currency().getCurrencyCode();
            if (!preferences.multiCurrency() && !currency.equals(preferences.homeCurrency())) {
                problems.add(Problem.error("invoice.currency-mismatch", "currency", ("Invoice %s is in %s, but the "
                        + "QuickBooks company keeps its books in %s and multicurrency is off there. Turn multicurrency"
                        + " on in QuickBooks (Settings, Advanced, Currency) or invoice in %s.").formatted(
                                invoice.number(), currency, preferences.homeCurrency(), preferences.homeCurrency())));
            }
            if (customer.taxExempt() && !preferences.us() && reference.taxCode(InvoicePayload.NOT_TAXABLE).isEmpty()) {
                problems.add(Problem.error("tax.exempt-code-missing", "customer", ("Customer '%s' is tax-exempt, "
                        + "but the QuickBooks company has no NON tax code to send its lines with. Add one in "
                        + "QuickBooks (Taxes), then export again.").formatted(customer.name())));
            } else if (!customer.taxExempt() && !preferences.automatedSalesTax() && !preferences.us()) {
                checkTaxCodes(invoice, reference, problems);
            }
        });
        if (!customer.currency().equals(invoice.currency())) {
            problems.add(Problem.error("invoice.currency-mismatch", "currency", ("Invoice %s is in %s but customer "
                    + "'%s' is billed in %s; QuickBooks keeps one currency per customer.").formatted(invoice.number(),
                            invoice.currency().getCurrencyCode(), customer.name(),
                            customer.currency().getCurrencyCode())));
        }
        for (Item item : outgoing.items().values()) {
            Names.refusal(item.name(), Names.ITEM_NAME_LIMIT).ifPresent(why -> problems.add(Problem.error(
                    "item.name-invalid", "lines", "Item name '%s' %s. Change the item's name here, then export again."
                            .formatted(item.name(), why))));
            boolean known = reference.items().stream().anyMatch(e -> Names.key(e.name()).equals(Names.key(item.name())));
            if (!known) {
                incomeAccount(item.incomeAccount(), reference).ifPresent(problems::add);
            }
        }
        if (!invoice.charges().isEmpty() || invoice.lines().stream().anyMatch(line -> line.itemCode().isEmpty())) {
            incomeAccount("", reference).ifPresent(problems::add);
        }
        if (outgoing.numberToSend().length() > Invoice.MAX_NUMBER_LENGTH) {
            problems.add(Problem.error("invoice.number-too-long", "number", "Invoice number %s is longer than the 21 "
                    + "characters QuickBooks allows.".formatted(outgoing.numberToSend())));
        }
        if (invoice.memo().length() > MEMO_LIMIT) {
            problems.add(Problem.error("invoice.memo-too-long", "memo", "The message on invoice %s is %d characters "
                    + "long; QuickBooks prints at most %d.".formatted(invoice.number(), invoice.memo().length(),
                            MEMO_LIMIT)));
        }
        List<InvoiceLine> lines = invoice.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).description().length() > DESCRIPTION_LIMIT) {
                problems.add(Problem.error("invoice.description-too-long", "lines[" + i + "].description",
                        "Line %d's description is longer than the %d characters QuickBooks takes.".formatted(i + 1,
                                DESCRIPTION_LIMIT)));
            }
        }
        return problems;
    }

    private void checkTaxCodes(Invoice invoice, ReferenceData reference, List<Problem> problems) {
        Set<String> codes = new HashSet<>();
        invoice.lines().forEach(line -> codes.add(line.taxCode()));
        invoice.charges().forEach(charge -> codes.add(charge.taxCode()));
        codes.remove("");
        for (String code : codes.stream().sorted().toList()) {
            String mapped = connection.mapped(MappingKind.TAX_CODE, code);
            Optional<ReferenceEntry> theirs = reference.taxCode(mapped.isEmpty() ? code : mapped);
            if (theirs.isEmpty()) {
                problems.add(Problem.error("tax.unmapped", "taxCode", ("Tax code %s has no QuickBooks tax code. Map "
                        + "it to one of QuickBooks' tax codes (%s) in the connection's tax mappings.").formatted(code,
                                String.join(", ", reference.taxCodes().stream().filter(ReferenceEntry::active)
                                        .map(ReferenceEntry::name).toList()))));
            } else if (!theirs.get().active()) {
                problems.add(Problem.error("tax.inactive", "taxCode", ("Tax code %s is mapped to QuickBooks' %s, "
                        + "which is inactive there. Map it to an active tax code.").formatted(code,
                                theirs.get().name())));
            }
        }
    }

    /** The income account new items are booked to, or the problem when QuickBooks has no such account. */
    private Optional<Problem> incomeAccount(String ours, ReferenceData reference) {
        String wanted = account(ours);
        Optional<ReferenceEntry> account = reference.accounts().stream()
                .filter(a -> a.id().equals(wanted) || Names.key(a.name()).equals(Names.key(wanted))).findFirst();
        if (account.isEmpty()) {
            return Optional.of(Problem.error("item.income-account-missing", "incomeAccount", ("QuickBooks has no "
                    + "income account '%s' to book new products and services to. Choose an existing income account "
                    + "in the connection's settings or map the item's account.").formatted(wanted)));
        }
        if (!account.get().active()) {
            return Optional.of(Problem.error("item.income-account-inactive", "incomeAccount", ("The QuickBooks "
                    + "income account '%s' is inactive. Make it active there or choose another.").formatted(wanted)));
        }
        return Optional.empty();
    }

    private String account(String ours) {
        String mapped = ours.isEmpty() ? "" : connection.mapped(MappingKind.INCOME_ACCOUNT, ours);
        return mapped.isEmpty() ? settings.incomeAccount() : mapped;
    }

    private String accountId(String ours) throws ConnectorException {
        ReferenceData reference = referenceData(false);
        Optional<Problem> unusable = incomeAccount(ours, reference);
        if (unusable.isPresent()) {
            throw new ConnectorException(unusable.get());
        }
        String wanted = account(ours);
        return reference.accounts().stream()
                .filter(a -> a.id().equals(wanted) || Names.key(a.name()).equals(Names.key(wanted)))
                .map(ReferenceEntry::id).findFirst().orElseThrow();
    }

    private static Problem inactiveCustomer(String name) {
        return Problem.error("customer.inactive", "customer", ("Customer '%s' is inactive in QuickBooks. Make it "
                + "active there (Customers, filter on inactive, Make active), then export again.").formatted(name));
    }

    @Override
    public Resolution<Long> resolveCustomers(List<Customer> customers) throws ConnectorException {
        Map<String, List<Customer>> byName = new LinkedHashMap<>();
        customers.forEach(c -> byName.computeIfAbsent(Names.key(c.name()), k -> new ArrayList<>()).add(c));
        Map<String, String> found = find("Customer", "DisplayName", "", new ArrayList<>(byName.keySet()),
                byName.values().stream().map(list -> list.get(0).name()).toList());
        Map<Long, String> resolved = new HashMap<>();
        Map<Long, Problem> failed = new HashMap<>();
        List<String> missing = byName.keySet().stream().filter(k -> !found.containsKey(k)).toList();
        Map<String, String> inactive = missing.isEmpty() ? Map.of()
                : find("Customer", "DisplayName", "Active = false AND ", missing,
                        missing.stream().map(k -> byName.get(k).get(0).name()).toList());
        if (!inactive.isEmpty()) {
            Set<String> names = new HashSet<>(cache.get().map(CompanyLists::inactiveCustomers).orElse(Set.of()));
            names.addAll(inactive.keySet());
            cache.get().ifPresent(lists -> cache.put(lists.withInactiveCustomers(names)));
        }
        List<Customer> toCreate = new ArrayList<>();
        byName.forEach((key, list) -> {
            if (found.containsKey(key)) {
                list.forEach(c -> resolved.put(c.id(), found.get(key)));
            } else if (inactive.containsKey(key)) {
                list.forEach(c -> failed.put(c.id(), inactiveCustomer(c.name())));
            } else {
                toCreate.add(list.get(0));
            }
        });
        int created = create(toCreate, "Customer", this::customer, Customer::name,
                (customer, answer) -> {
                    for (Customer same : byName.get(Names.key(customer.name()))) {
                        if (answer.refused()) {
                            failed.put(same.id(), FaultProblems.customer(answer.faults().get(0), customer.name()));
                        } else {
                            resolved.put(same.id(), answer.entity().path("Id").asText());
                        }
                    }
                });
        return new Resolution<>(resolved, failed, created);
    }

    @Override
    public Resolution<String> resolveItems(List<Item> items) throws ConnectorException {
        Map<String, List<Item>> byName = new LinkedHashMap<>();
        items.forEach(i -> byName.computeIfAbsent(Names.key(i.name()), k -> new ArrayList<>()).add(i));
        Map<String, String> found = find("Item", "Name", "", new ArrayList<>(byName.keySet()),
                byName.values().stream().map(list -> list.get(0).name()).toList());
        Map<String, String> resolved = new HashMap<>();
        Map<String, Problem> failed = new HashMap<>();
        List<Item> toCreate = new ArrayList<>();
        byName.forEach((key, list) -> {
            if (found.containsKey(key)) {
                list.forEach(i -> resolved.put(i.code(), found.get(key)));
            } else {
                toCreate.add(list.get(0));
            }
        });
        Map<Item, ObjectNode> bodies = new HashMap<>();
        for (Item item : toCreate) {
            try {
                bodies.put(item, item(item.name(), accountId(item.incomeAccount()), item.defaultPrice().amount()));
            } catch (ConnectorException e) {
                byName.get(Names.key(item.name())).forEach(same -> failed.put(same.code(), e.problem()));
            }
        }
        int created = create(toCreate.stream().filter(bodies::containsKey).toList(), "Item", bodies::get, Item::name,
                (item, answer) -> {
                    for (Item same : byName.get(Names.key(item.name()))) {
                        if (answer.refused()) {
                            failed.put(same.code(), FaultProblems.item(answer.faults().get(0), item.name()));
                        } else {
                            resolved.put(same.code(), answer.entity().path("Id").asText());
                        }
                    }
                });
        return new Resolution<>(resolved, failed, created);
    }

    /** Finds entities by name, {@link #NAMES_PER_QUERY} names per query; returns their ids by name key. */
    private Map<String, String> find(String entity, String field, String condition, List<String> keys,
            List<String> names) throws ConnectorException {
        Map<String, String> ids = new HashMap<>();
        for (int from = 0; from < names.size(); from += NAMES_PER_QUERY) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + NAMES_PER_QUERY));
            String select = "select * from " + entity + " where " + condition + field + " IN "
                    + QuickBooksApi.inList(chunk);
            for (JsonNode row : api.query(entity, select, "Looking up " + entity.toLowerCase() + "s")) {
                String key = Names.key(row.path(field).asText(""));
                if (keys.contains(key)) {
                    ids.putIfAbsent(key, row.path("Id").asText());
                }
            }
        }
        return ids;
    }

    @FunctionalInterface
    private interface Body<T> {
        ObjectNode of(T thing) throws ConnectorException;
    }

    @FunctionalInterface
    private interface Outcome<T> {
        void accept(T thing, QuickBooksApi.Answer answer);
    }

    /** Creates entities through the batch endpoint; returns how many were created. */
    private <T> int create(List<T> things, String entity, Body<T> body, Function<T, String> name, Outcome<T> outcome)
            throws ConnectorException {
        int created = 0;
        for (int from = 0; from < things.size(); from += QuickBooksApi.BATCH) {
            List<T> chunk = things.subList(from, Math.min(things.size(), from + QuickBooksApi.BATCH));
            List<QuickBooksApi.Operation> operations = new ArrayList<>();
            StringBuilder identity = new StringBuilder(connection.uid()).append('/').append(entity);
            for (int i = 0; i < chunk.size(); i++) {
                operations.add(new QuickBooksApi.Operation("c" + i, "create", entity, body.of(chunk.get(i)), null));
                identity.append('/').append(name.apply(chunk.get(i)));
            }
            Map<String, QuickBooksApi.Answer> answers = api.batch(operations, requestId(identity.toString()),
                    "Creating " + entity.toLowerCase() + "s");
            for (int i = 0; i < chunk.size(); i++) {
                QuickBooksApi.Answer answer = answers.get("c" + i);
                if (answer == null) {
                    answer = new QuickBooksApi.Answer("c" + i, null, List.of(new QuickBooksFault("", "No answer",
                            "QuickBooks' batch answer left this " + entity.toLowerCase() + " out", "", "")));
                }
                if (!answer.refused()) {
                    created++;
                }
                outcome.accept(chunk.get(i), answer);
            }
        }
        return created;
    }

    private ObjectNode customer(Customer customer) throws ConnectorException {
        ObjectNode json = QuickBooksApi.JSON.createObjectNode();
        json.put("DisplayName", customer.name());
        json.put("CompanyName", customer.name());
        if (!customer.email().isEmpty()) {
            json.putObject("PrimaryEmailAddr").put("Address", customer.email());
        }
        if (!customer.billingAddress().isEmpty()) {
            var address = customer.billingAddress();
            ObjectNode bill = json.putObject("BillAddr");
            bill.put("Line1", address.line1());
            bill.put("Line2", address.line2());
            bill.put("City", address.city());
            bill.put("CountrySubDivisionCode", address.region());
            bill.put("PostalCode", address.postalCode());
            bill.put("Country", address.country());
        }
        CompanyPreferences preferences = lists(false).preferences();
        if (preferences.multiCurrency()) {
            json.putObject("CurrencyRef").put("value", customer.currency().getCurrencyCode());
        }
        json.put("Taxable", !customer.taxExempt());
        return json;
    }

    private static ObjectNode item(String name, String incomeAccountId, BigDecimal price) {
        ObjectNode json = QuickBooksApi.JSON.createObjectNode();
        json.put("Name", name);
        json.put("Type", "Service");
        json.putObject("IncomeAccountRef").put("value", incomeAccountId);
        if (price != null) {
            json.put("UnitPrice", price);
        }
        return json;
    }

    /**
     * The items lines without an item of ours (a free-text line, a freight, handling or discount charge) are booked
     * on, by name: QuickBooks wants an item on every sales line. Found or created once per session.
     */
    private Map<String, String> itemsForLinesWithout(List<OutgoingInvoice> batch) throws ConnectorException {
        Set<String> needed = new HashSet<>();
        for (OutgoingInvoice outgoing : batch) {
            if (outgoing.invoice().lines().stream().anyMatch(line -> line.itemCode().isEmpty())) {
                needed.add(settings.lineItem());
            }
            outgoing.invoice().charges().forEach(charge -> needed.add(charge.kind().label()));
        }
        needed.removeAll(namedItemIds.keySet());
        if (!needed.isEmpty()) {
            List<String> names = needed.stream().sorted().toList();
            Map<String, String> found = find("Item", "Name", "", names.stream().map(Names::key).toList(), names);
            List<String> missing = new ArrayList<>();
            for (String name : names) {
                String id = found.get(Names.key(name));
                if (id != null) {
                    namedItemIds.put(name, id);
                } else {
                    missing.add(name);
                }
            }
            String accountId = missing.isEmpty() ? "" : accountId("");
            List<Problem> refused = new ArrayList<>();
            create(missing, "Item", name -> item(name, accountId, null), Function.identity(), (name, answer) -> {
                if (answer.refused()) {
                    refused.add(FaultProblems.item(answer.faults().get(0), name));
                } else {
                    namedItemIds.put(name, answer.entity().path("Id").asText());
                }
            });
            if (!refused.isEmpty()) {
                throw new ConnectorException(refused.get(0));
            }
        }
        return namedItemIds;
    }

    @Override
    public List<PushResult> push(List<OutgoingInvoice> batch) throws ConnectorException {
        CompanyLists lists = lists(false);
        InvoicePayload payload = new InvoicePayload(connection, lists, settings.lineItem(),
                itemsForLinesWithout(batch));
        List<QuickBooksApi.Operation> operations = new ArrayList<>();
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < batch.size(); i++) {
            operations.add(new QuickBooksApi.Operation("i" + i, "create", "Invoice", payload.write(batch.get(i)),
                    null));
            keys.append(batch.get(i).idempotencyKey()).append('/');
        }
        pushedAt = clock.instant();
        // The request id is the same for every attempt at these invoice versions: a resend after a lost answer is
        // answered with the first answer. QuickBooks replays even an entity deleted since, which is why the
        // invoice's version is part of every key: a revised invoice is a new request.
        Map<String, QuickBooksApi.Answer> answers = api.batch(operations, requestId(keys.toString()),
                "Sending invoices");
        List<PushResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutgoingInvoice outgoing = batch.get(i);
            QuickBooksApi.Answer answer = answers.get("i" + i);
            if (answer == null) {
                results.add(new PushResult.Unknown(outgoing.ourReference(), Problem.vendor("vendor.no-answer", "",
                        "QuickBooks' answer did not mention invoice " + outgoing.invoice().number()
                                + "; Ledgerport looks it up before sending it again.", "", "", true)));
            } else if (answer.refused()) {
                results.add(new PushResult.Rejected(outgoing.ourReference(), answer.faults().stream()
                        .map(f -> FaultProblems.invoice(f, numberOf(outgoing))).toList()));
            } else {
                ExternalInvoice external = external(answer.entity());
                ours.put(outgoing.ourReference(), external);
                results.add(new PushResult.Created(outgoing.ourReference(), external, totalCheck(outgoing,
                        answer.entity())));
            }
        }
        return results;
    }

    private static String numberOf(OutgoingInvoice outgoing) {
        return outgoing.numberToSend().isEmpty() ? outgoing.invoice().number() : outgoing.numberToSend();
    }

    /** A cent-level comparison of QuickBooks' total with the one billed. */
    private static List<Problem> totalCheck(OutgoingInvoice outgoing, JsonNode entity) {
        Money billed = outgoing.totals().total();
        int cents = billed.currency().getDefaultFractionDigits();
        BigDecimal theirs = entity.path("TotalAmt").decimalValue().setScale(cents, RoundingMode.HALF_UP);
        if (theirs.compareTo(billed.amount()) == 0) {
            return List.of();
        }
        BigDecimal theirTax = entity.path("TxnTaxDetail").path("TotalTax").decimalValue().setScale(cents,
                RoundingMode.HALF_UP);
        return List.of(Problem.warning("invoice.total-differs", "total", ("QuickBooks shows invoice %s with a "
                + "total of %s (tax %s); Ledgerport billed %s (tax %s). Check the tax mapping of the codes used, then "
                + "correct the invoice in QuickBooks or revert and export it again.").formatted(numberOf(outgoing),
                        theirs.toPlainString(), theirTax.toPlainString(), billed.amount().toPlainString(),
                        outgoing.totals().tax().amount().toPlainString())));
    }

    private ExternalInvoice external(JsonNode invoice) {
        String id = invoice.path("Id").asText();
        return new ExternalInvoice(id, invoice.path("DocNumber").asText(""), date(invoice.path("TxnDate").asText("")),
                invoice.path("SyncToken").asText(""), settings.invoiceLink(id));
    }

    private static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Looks through the invoices changed in the last 30 days for our reference in their private note. Private
     * notes cannot be queried, so one scan indexes them all; it is repeated only after a push.
     */
    @Override
    public Optional<ExternalInvoice> findByReference(String ourReference) throws ConnectorException {
        if (!ours.containsKey(ourReference) && !scannedAt.isAfter(pushedAt)) {
            scannedAt = clock.instant();
            String since = OffsetDateTime.ofInstant(scannedAt.minus(CHANGE_WINDOW), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS).toString();
            for (JsonNode invoice : api.query("Invoice", "select * from Invoice where MetaData.LastUpdatedTime >= '"
                    + since + "'", "Looking for invoices sent earlier")) {
                String reference = InvoicePayload.referenceIn(invoice.path("PrivateNote").asText(""));
                if (!reference.isEmpty()) {
                    ours.put(reference, external(invoice));
                }
            }
        }
        return Optional.ofNullable(ours.get(ourReference));
    }

    /**
     * Deletes an invoice nothing is linked to, and voids one with payments (or other transactions) linked to it, as
     * QuickBooks deletes only unlinked ones; a voided invoice keeps its number there.
     */
    @Override
    public WithdrawalPlan planWithdrawal(ExternalInvoice invoice) throws ConnectorException {
        return plan(invoice, current(invoice));
    }

    /** Withdraws as {@link #planWithdrawal} says, with the current SyncToken; a stale one is read again once. */
    @Override
    public Withdrawal withdraw(ExternalInvoice invoice) throws ConnectorException {
        return withdraw(invoice, true);
    }

    private Withdrawal withdraw(ExternalInvoice invoice, boolean retryStale) throws ConnectorException {
        Optional<JsonNode> current = current(invoice);
        WithdrawalPlan plan = plan(invoice, current);
        if (current.isEmpty() || voided(current.get())) {
            return plan.action();
        }
        ObjectNode body = QuickBooksApi.JSON.createObjectNode();
        body.put("Id", invoice.externalId());
        body.put("SyncToken", current.get().path("SyncToken").asText());
        try {
            api.post("invoice", Map.of("operation", plan.action() == Withdrawal.VOIDED ? "void" : "delete"), body,
                    requestId(connection.uid() + "/withdraw/" + invoice.externalId() + "/" + body.path("SyncToken")
                            .asText()), "Invoice " + invoice.number());
        } catch (ConnectorException e) {
            if (retryStale && "5010".equals(e.problem().vendorCode())) {
                return withdraw(invoice, false);
            }
            throw e;
        }
        return plan.action();
    }

    /** The invoice as QuickBooks has it now, or empty when it was deleted there. */
    private Optional<JsonNode> current(ExternalInvoice invoice) throws ConnectorException {
        try {
            return Optional.of(api.get("invoice/" + invoice.externalId(), "Invoice " + invoice.number())
                    .path("Invoice"));
        } catch (ConnectorException e) {
            if ("610".equals(e.problem().vendorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static WithdrawalPlan plan(ExternalInvoice invoice, Optional<JsonNode> current) {
        if (current.isEmpty()) {
            return new WithdrawalPlan(Withdrawal.DELETED, false, ("Invoice %s is no longer in QuickBooks (it was "
                    + "deleted there), so nothing changes there and its number can be used again.")
                    .formatted(invoice.number()));
        }
        String number = current.get().path("DocNumber").asText(invoice.number());
        if (voided(current.get())) {
            return new WithdrawalPlan(Withdrawal.VOIDED, true, ("Invoice %s is already void in QuickBooks, so "
                    + "nothing changes there. QuickBooks keeps the number %s on the voided invoice.").formatted(number,
                            number));
        }
        String linked = linked(current.get());
        if (!linked.isEmpty()) {
            return new WithdrawalPlan(Withdrawal.VOIDED, true, ("Invoice %s has %s linked to it in QuickBooks, so it "
                    + "will be voided there, not deleted: QuickBooks keeps it with zero amounts, unlinks what was "
                    + "linked (a payment stays with the customer as a credit) and keeps the number %s taken.")
                    .formatted(number, linked, number));
        }
        return new WithdrawalPlan(Withdrawal.DELETED, false, ("Invoice %s will be deleted from QuickBooks; its "
                + "number %s can then be used again.").formatted(number, number));
    }

    /** QuickBooks marks a voided invoice by prepending "Voided" to its private note. */
    private static boolean voided(JsonNode invoice) {
        return invoice.path("PrivateNote").asText("").startsWith("Voided");
    }

    /** What is linked to the invoice, in words ("2 payments"), or empty when nothing is. */
    private static String linked(JsonNode invoice) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (JsonNode link : invoice.path("LinkedTxn")) {
            byType.merge(link.path("TxnType").asText("transaction"), 1, Integer::sum);
        }
        List<String> words = new ArrayList<>();
        byType.forEach((type, count) -> {
            String word = type.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
            words.add(count == 1 ? ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word
                    : count + " " + word + "s");
        });
        return String.join(" and ", words);
    }

    /**
     * Records the payment in QuickBooks, applied to its invoice and deposited to the account named; its idempotency
     * key is the request id, and its marker in the private note lets {@link #findPayment} find it.
     */
    @Override
    public ExternalPayment sendPayment(OutgoingPayment payment) throws ConnectorException {
        ExternalInvoice invoice = payment.invoice();
        String subject = "The payment of %s on invoice %s".formatted(payment.amount(), invoice.number());
        ReferenceEntry account = depositAccount(payment.depositAccount());
        String customer = payment.customerExternalId();
        if (customer.isEmpty()) {
            customer = api.get("invoice/" + invoice.externalId(), "Invoice " + invoice.number()).path("Invoice")
                    .path("CustomerRef").path("value").asText("");
        }
        ObjectNode body = QuickBooksApi.JSON.createObjectNode();
        body.putObject("CustomerRef").put("value", customer);
        body.putObject("CurrencyRef").put("value", payment.amount().currency().getCurrencyCode());
        body.put("TotalAmt", payment.amount().amount());
        body.put("TxnDate", payment.date().toString());
        String reference = payment.reference();
        String note = paymentMarker(payment);
        if (reference.length() > PAYMENT_REFERENCE_LIMIT) {
            body.put("PaymentRefNum", reference.substring(0, PAYMENT_REFERENCE_LIMIT));
            note += " Reference: " + reference;
        } else if (!reference.isEmpty()) {
            body.put("PaymentRefNum", reference);
        }
        body.put("PrivateNote", note);
        body.putObject("DepositToAccountRef").put("value", account.id()).put("name", account.name());
        ObjectNode line = body.putArray("Line").addObject().put("Amount", payment.amount().amount());
        line.putArray("LinkedTxn").addObject().put("TxnId", invoice.externalId()).put("TxnType", "Invoice");
        JsonNode recorded = api.post("payment", Map.of(), body, requestId(payment.idempotencyKey()),
                fault -> FaultProblems.payment(fault, subject));
        try {
            JsonNode after = api.get("invoice/" + invoice.externalId(), "Invoice " + invoice.number())
                    .path("Invoice");
            return new ExternalPayment(recorded.path("Payment").path("Id").asText(""), change(after));
        } catch (ConnectorException e) {
            // The payment is recorded; sent again with its key, QuickBooks answers with it and the invoice is read.
            throw new ConnectorException(e.problem(), true, e);
        }
    }

    /**
     * Looks at the payments linked to the invoice for the one with this payment's marker: QuickBooks has been seen
     * to record a payment twice despite a repeated request id (reference 4: intuit/QuickBooks-V3-DotNET-SDK#352).
     */
    @Override
    public Optional<ExternalPayment> findPayment(OutgoingPayment payment) throws ConnectorException {
        ExternalInvoice invoice = payment.invoice();
        JsonNode current = api.get("invoice/" + invoice.externalId(), "Invoice " + invoice.number()).path("Invoice");
        String marker = paymentMarker(payment);
        for (JsonNode linked : current.path("LinkedTxn")) {
            String id = linked.path("TxnId").asText("");
            if ("Payment".equals(linked.path("TxnType").asText()) && api.get("payment/" + id, "Payment " + id)
                    .path("Payment").path("PrivateNote").asText("").contains(marker)) {
                return Optional.of(new ExternalPayment(id, change(current)));
            }
        }
        return Optional.empty();
    }

    private static String paymentMarker(OutgoingPayment payment) {
        return "Recorded by Ledgerport [payment " + payment.idempotencyKey() + "]";
    }

    /** The deposit account by id or name; the lists are read again once when it is not among them. */
    private ReferenceEntry depositAccount(String wanted) throws ConnectorException {
        Optional<ReferenceEntry> account = referenceData(false).depositAccount(wanted);
        if (account.isEmpty()) {
            account = referenceData(true).depositAccount(wanted);
        }
        if (account.isPresent()) {
            return account.get();
        }
        List<String> names = referenceData(false).depositAccounts().stream().map(ReferenceEntry::name).toList();
        throw new ConnectorException(Problem.error("payment.deposit-account-unknown", "depositAccount", ("QuickBooks "
                + "has no active bank or other current asset account '%s' to deposit the payment to. Choose one of "
                + "its deposit accounts (%s), or make the account active in QuickBooks.").formatted(wanted,
                        String.join(", ", names))));
    }

    /**
     * Invoice changes through change data capture, which looks back at most 30 days and answers with at most 1000
     * objects, the oldest first. After a full answer it is asked again from the latest change in it: that moment's
     * changes come once more and are recognised, so none is lost between answers and none is reported twice.
     */
    @Override
    public List<StatusChange> statusChangesSince(Instant since) throws ConnectorException {
        Instant earliest = clock.instant().minus(CHANGE_WINDOW).plusSeconds(60);
        Instant from = since.isBefore(earliest) ? earliest : since;
        Map<String, StatusChange> changes = new LinkedHashMap<>();
        while (true) {
            List<JsonNode> invoices = changedInvoices(from);
            Instant latest = from;
            for (JsonNode invoice : invoices) {
                StatusChange change = change(invoice);
                changes.putIfAbsent(change.externalId() + "@" + change.changedAt(), change);
                latest = change.changedAt().isAfter(latest) ? change.changedAt() : latest;
            }
            if (invoices.size() < CHANGES_PER_ANSWER) {
                break;
            }
            if (!latest.isAfter(from)) {
                throw new ConnectorException(Problem.vendor("status.too-many-changes", "", ("QuickBooks reports more "
                        + "than %d invoices changed within the same second (%s), more than it lists in one answer, so "
                        + "Ledgerport cannot read them all. Nothing was changed here; check the status of the "
                        + "invoices changed then in QuickBooks itself.").formatted(CHANGES_PER_ANSWER, from), "", "",
                        false));
            }
            from = latest;
        }
        List<StatusChange> ordered = new ArrayList<>(changes.values());
        ordered.sort(Comparator.comparing(StatusChange::changedAt));
        return ordered;
    }

    private List<JsonNode> changedInvoices(Instant from) throws ConnectorException {
        JsonNode answer = api.get("cdc", Map.of("entities", "Invoice", "changedSince",
                OffsetDateTime.ofInstant(from, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString()),
                "Reading changes");
        List<JsonNode> invoices = new ArrayList<>();
        for (JsonNode response : answer.path("CDCResponse")) {
            for (JsonNode query : response.path("QueryResponse")) {
                query.path("Invoice").forEach(invoices::add);
            }
        }
        return invoices;
    }

    private StatusChange change(JsonNode invoice) {
        String id = invoice.path("Id").asText();
        Instant changedAt = instant(invoice.path("MetaData").path("LastUpdatedTime").asText(""));
        String reference = InvoicePayload.referenceIn(invoice.path("PrivateNote").asText(""));
        if ("Deleted".equalsIgnoreCase(invoice.path("status").asText(""))) {
            return new StatusChange(id, reference, VendorStatus.DELETED, null, changedAt);
        }
        Currency currency = Currency.getInstance(invoice.path("CurrencyRef").path("value").asText(
                cache.get().map(l -> l.preferences().homeCurrency()).orElse("USD")));
        BigDecimal total = invoice.path("TotalAmt").decimalValue();
        BigDecimal balance = invoice.path("Balance").decimalValue();
        Money due = Money.rounded(balance, currency);
        VendorStatus status;
        if (voided(invoice)) {
            status = VendorStatus.VOIDED;
        } else if (total.signum() > 0 && balance.signum() == 0) {
            status = VendorStatus.PAID;
        } else if (balance.compareTo(total) < 0) {
            status = VendorStatus.PARTLY_PAID;
        } else {
            status = VendorStatus.APPROVED;
        }
        return new StatusChange(id, reference, status, due, changedAt);
    }

    private Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    /** A request id QuickBooks takes (at most 36 characters), the same whenever the same work is asked for. */
    static String requestId(String identity) {
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void close() {
        // The HTTP client and the company's lists belong to the connector and outlive the session.
    }
}
