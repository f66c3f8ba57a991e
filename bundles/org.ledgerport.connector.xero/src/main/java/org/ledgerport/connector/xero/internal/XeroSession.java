package org.ledgerport.connector.xero.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An export to one Xero organisation. */
final class XeroSession implements ConnectorSession {

    /**
     * Customers per contact lookup: each adds two clauses (name, contact code) to a where filter that travels in the
     * URL, which servers cap at a few kilobytes; Xero also times out on long filters.
     */
    static final int NAMES_PER_QUERY = 20;
    private static final String ALL_STATUSES = "DRAFT,SUBMITTED,AUTHORISED,PAID,VOIDED,DELETED";

    private final Connection connection;
    private final XeroSettings settings;
    private final XeroApi api;
    private final PerConnection.Slot<OrganisationLists> cache;
    private final Clock clock;
    private final Map<String, ExternalInvoice> ours = new HashMap<>();
    /** What this run has validated so far, to tell whether it fits in what is left of the day's calls. */
    private int validated;
    private final Set<Long> validatedCustomers = new HashSet<>();

    /** @param cache the organisation's lists, kept for the sessions of one connection */
    XeroSession(Connection connection, XeroSettings settings, XeroApi api, PerConnection.Slot<OrganisationLists> cache,
            Clock clock) {
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

    OrganisationLists lists(boolean refresh) throws ConnectorException {
        Optional<OrganisationLists> cached = cache.get();
        if (cached.isPresent() && !refresh) {
            return cached.get();
        }
        JsonNode organisation = api.get("Organisation", Map.of(), "The organisation's details").path("Organisations")
                .path(0);
        String baseCurrency = organisation.path("BaseCurrency").asText("");
        Set<String> currencies = new LinkedHashSet<>();
        currencies.add(baseCurrency);
        api.get("Currencies", Map.of(), "The organisation's currencies").path("Currencies")
                .forEach(c -> currencies.add(c.path("Code").asText("")));
        List<ReferenceEntry> taxRates = new ArrayList<>();
        Map<String, BigDecimal> salesRates = new HashMap<>();
        for (JsonNode rate : api.get("TaxRates", Map.of(), "The list of tax rates").path("TaxRates")) {
            String type = rate.path("TaxType").asText("");
            taxRates.add(new ReferenceEntry(type, type, rate.path("Name").asText(type), active(rate)));
            if (rate.path("CanApplyToRevenue").asBoolean(true)) {
                salesRates.put(type, decimal(rate.path("EffectiveRate")));
            }
        }
        List<ReferenceEntry> accounts = new ArrayList<>();
        List<ReferenceEntry> depositAccounts = new ArrayList<>();
        Set<String> lineAccounts = new HashSet<>();
        for (JsonNode account : api.get("Accounts", Map.of(), "The chart of accounts").path("Accounts")) {
            String id = account.path("AccountID").asText("");
            String code = account.path("Code").asText("");
            String name = account.path("Name").asText("");
            accounts.add(new ReferenceEntry(id, code, name, active(account)));
            // Payments go into bank accounts and accounts with payments enabled; bank accounts may have no code.
            if (active(account) && ("BANK".equals(account.path("Type").asText(""))
                    || account.path("EnablePaymentsToAccount").asBoolean(false))) {
                depositAccounts.add(new ReferenceEntry(id, code.isEmpty() ? id : code, name, true));
            }
            // Bank accounts and system accounts (receivables, payables, rounding...) take no invoice lines.
            if (!"BANK".equals(account.path("Type").asText("")) && !account.hasNonNull("SystemAccount")) {
                lineAccounts.add(code);
            }
        }
        List<ReferenceEntry> items = new ArrayList<>();
        for (JsonNode item : api.get("Items", Map.of(), "The list of products and services").path("Items")) {
            items.add(new ReferenceEntry(item.path("ItemID").asText(""), item.path("Code").asText(""),
                    item.path("Name").asText(""), true));
        }
        OrganisationLists lists = new OrganisationLists(new ReferenceData(taxRates, accounts, items, clock.instant(),
                depositAccounts),
                baseCurrency, currencies, salesRates, lineAccounts, organisation.path("ShortCode").asText(""),
                cached.map(OrganisationLists::archivedContacts).orElse(Set.of()));
        cache.put(lists);
        return lists;
    }

    private static boolean active(JsonNode entity) {
        return entity.path("Status").asText("ACTIVE").equalsIgnoreCase("ACTIVE");
    }

    @Override
    public List<Problem> validate(OutgoingInvoice outgoing, ReferenceData reference) {
        OrganisationLists lists = cache.get().orElse(OrganisationLists.of(reference));
        InvoicePayload payload = new InvoicePayload(connection, settings, lists);
        Invoice invoice = outgoing.invoice();
        String n = invoice.number();
        List<Problem> problems = new ArrayList<>();
        checkCustomer(outgoing.customer(), lists, problems);
        String currency = invoice.currency().getCurrencyCode();
        if (!lists.currencies().isEmpty() && !lists.currencies().contains(currency)) {
            problems.add(Problem.error("invoice.currency-not-enabled", "currency", ("Invoice %s is in %s, which the "
                    + "Xero organisation does not use (it has %s). Add %s in Xero (Settings, Currencies; it needs a "
                    + "plan with multi-currency), refresh the connection's lists and export again.").formatted(n,
                            currency, String.join(", ", lists.currencies()), currency)));
        }
        if (outgoing.numberToSend().length() > Names.INVOICE_NUMBER_LIMIT) {
            problems.add(Problem.error("invoice.number-too-long", "number", ("Invoice number %s is longer than the "
                    + "%d characters Xero allows.").formatted(outgoing.numberToSend(), Names.INVOICE_NUMBER_LIMIT)));
        }
        if (outgoing.ourReference().length() > Names.REFERENCE_LIMIT) {
            problems.add(Problem.error("invoice.reference-too-long", "reference", ("Invoice %s's reference is longer "
                    + "than the %d characters Xero allows.").formatted(n, Names.REFERENCE_LIMIT)));
        }
        if (invoice.memo().length() > Names.DESCRIPTION_LIMIT) {
            problems.add(Problem.error("invoice.memo-too-long", "memo", ("The message on invoice %s is %d characters "
                    + "long; Xero prints at most %d.").formatted(n, invoice.memo().length(), Names.DESCRIPTION_LIMIT)));
        }
        if (!outgoing.customer().taxExempt()) {
            checkTaxCodes(invoice, outgoing.taxCodes(), reference, lists, payload, problems);
        }
        checkLines(outgoing, reference, lists, payload, problems);
        dayBudget(outgoing).ifPresent(problems::add);
        return problems;
    }

    private static void checkCustomer(Customer customer, OrganisationLists lists, List<Problem> problems) {
        Names.contactNameRefusal(customer.name()).ifPresent(why -> problems.add(Problem.error("contact.name-invalid",
                "customer", "Customer name '%s' %s. Change the name here, then export again.".formatted(
                        customer.name(), why))));
        if (lists.archivedContacts().contains(Names.key(customer.name()))) {
            problems.add(archivedContact(customer.name()));
        }
        if (!customer.email().isEmpty() && !Names.emailLooksValid(customer.email())) {
            problems.add(Problem.warning("contact.email-not-sent", "customer.email", ("Customer '%s' has the e-mail "
                    + "address '%s', which Xero would refuse; a new contact for the customer is created without it. "
                    + "Correct it here to have it in Xero.").formatted(customer.name(), customer.email())));
        }
    }

    private static void checkTaxCodes(Invoice invoice, Map<String, TaxCode> taxCodes, ReferenceData reference,
            OrganisationLists lists, InvoicePayload payload, List<Problem> problems) {
        Set<String> codes = new LinkedHashSet<>();
        invoice.lines().forEach(line -> codes.add(line.taxCode()));
        invoice.charges().forEach(charge -> codes.add(charge.taxCode()));
        for (String code : codes) {
            String taxType = payload.taxType(code);
            String ours = code.isEmpty() ? "Lines without a tax code" : "Tax code " + code;
            Optional<ReferenceEntry> theirs = taxType.isEmpty() ? Optional.empty()
                    : reference.taxCodes().stream().filter(t -> t.code().equalsIgnoreCase(taxType)).findFirst();
            if (taxType.isEmpty()) {
                problems.add(Problem.error("tax.unmapped", "taxCode", ("Tax code %s has no Xero tax rate. Map it to "
                        + "one of Xero's tax rates (%s) in the connection's tax mappings.").formatted(code,
                                activeNames(reference.taxCodes()))));
            } else if (theirs.isEmpty()) {
                String fix = code.isEmpty() ? "Enter one of Xero's tax rates (%s) in the connection's setting 'Tax "
                        + "rate for untaxed lines'" : "Map it to one of Xero's tax rates (%s) in the connection's tax "
                                + "mappings";
                problems.add(Problem.error("tax.unknown", "taxCode", ("%s go to Xero with the tax rate %s, which the "
                        + "organisation does not have. " + fix + ", or refresh the connection's lists if it was just "
                        + "added.").formatted(ours, taxType, activeNames(reference.taxCodes()))));
            } else if (!theirs.get().active()) {
                problems.add(Problem.error("tax.archived", "taxCode", ("%s go to Xero with the tax rate '%s', which is "
                        + "archived there. Map it to an active tax rate, or restore the rate in Xero.").formatted(ours,
                                theirs.get().name())));
            } else if (!lists.forSales(taxType)) {
                problems.add(Problem.error("tax.not-for-sales", "taxCode", ("%s go to Xero with the tax rate '%s', "
                        + "which Xero allows on bills only. Map it to a tax rate for sales (%s).").formatted(ours,
                                theirs.get().name(), String.join(", ", lists.salesTaxRates().keySet().stream()
                                        .sorted().toList()))));
            } else if (!code.isEmpty()) {
                BigDecimal xeroRate = lists.salesTaxRates().get(theirs.get().code());
                TaxCode taxCode = taxCodes.get(code);
                if (xeroRate != null && taxCode != null && xeroRate.compareTo(taxCode.ratePercent()) != 0) {
                    problems.add(Problem.error("tax.rate-differs", "taxCode", ("Tax code %s charges %s %% but is "
                            + "mapped to Xero's '%s', which charges %s %%. Map it to a Xero tax rate with the same "
                            + "rate.")
                            .formatted(code, taxCode.ratePercent().toPlainString(), theirs.get().name(),
                                    xeroRate.stripTrailingZeros().toPlainString())));
                }
            }
        }
    }

    private static String activeNames(List<ReferenceEntry> entries) {
        return entries.stream().filter(ReferenceEntry::active).map(e -> e.name() + " = " + e.code())
                .collect(Collectors.joining(", "));
    }

    private void checkLines(OutgoingInvoice outgoing, ReferenceData reference, OrganisationLists lists,
            InvoicePayload payload, List<Problem> problems) {
        Invoice invoice = outgoing.invoice();
        Set<String> accounts = new LinkedHashSet<>();
        List<InvoiceLine> lines = invoice.lines();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            String field = "lines[" + (i + 1) + "]";
            Item item = line.itemCode().isEmpty() ? null : outgoing.items().get(line.itemCode());
            if (item == null && line.description().isBlank()) {
                problems.add(Problem.error("invoice.line-description", field + ".description", ("Line %d of invoice "
                        + "%s has neither an item nor a description; Xero needs one of them.").formatted(i + 1,
                                invoice.number())));
            }
            if (line.description().length() > Names.DESCRIPTION_LIMIT) {
                problems.add(Problem.error("invoice.description-too-long", field + ".description", ("Line %d's "
                        + "description is longer than the %d characters Xero takes.").formatted(i + 1,
                                Names.DESCRIPTION_LIMIT)));
            }
            if (line.quantity().scale() > Names.QUANTITY_DECIMALS) {
                problems.add(Problem.error("invoice.quantity-decimals", field + ".quantity", ("Line %d of invoice %s "
                        + "has the quantity %s; Xero takes quantities to %d decimals.").formatted(i + 1,
                                invoice.number(), line.quantity().toPlainString(), Names.QUANTITY_DECIMALS)));
            }
            if (item != null && !Names.itemCodeFits(item.code())) {
                problems.add(Problem.warning("item.plain-line", field + ".item", ("Item code %s is longer than the %d "
                        + "characters Xero allows, so Xero gets line %d as a plain line (description, amount and "
                        + "account) without an item.").formatted(item.code(), Names.ITEM_CODE_LIMIT, i + 1)));
            }
            accounts.add(payload.account(item == null ? "" : item.incomeAccount()));
        }
        if (!invoice.charges().isEmpty()) {
            accounts.add(settings.salesAccount());
        }
        for (String code : accounts) {
            Optional<ReferenceEntry> account = reference.accounts().stream()
                    .filter(a -> a.code().equalsIgnoreCase(code)).findFirst();
            if (account.isEmpty()) {
                problems.add(Problem.error("account.unknown", "account", ("Invoice %s would be booked to Xero account "
                        + "%s, which the organisation does not have. Map the income account to one of Xero's account "
                        + "codes in the connection's mappings, or change the default sales account.").formatted(
                                invoice.number(), code)));
            } else if (!account.get().active()) {
                problems.add(Problem.error("account.archived", "account", ("Invoice %s would be booked to Xero "
                        + "account %s (%s), which is archived there. Restore it in Xero (Chart of accounts) or map the "
                        + "income account to another account.").formatted(invoice.number(), code,
                                account.get().name())));
            } else if (!lists.forLines(code)) {
                problems.add(Problem.error("account.not-for-sales", "account", ("Invoice %s would be booked to Xero "
                        + "account %s (%s), a bank or system account that takes no invoice lines. Map the income "
                        + "account to a revenue account, or change the default sales account.").formatted(
                                invoice.number(), code, account.get().name())));
            }
        }
    }

    /**
     * A warning when this run's invoices cannot fit in what is left of the organisation's 5,000 calls for the day:
     * at least one call per 50 invoices, and one lookup per {@value #NAMES_PER_QUERY} customers.
     */
    private Optional<Problem> dayBudget(OutgoingInvoice outgoing) {
        validated++;
        validatedCustomers.add(outgoing.customer().id());
        OptionalInt remaining = api.budget().dayRemaining();
        int needed = ceiling(validated, XeroApi.BATCH) + ceiling(validatedCustomers.size(), NAMES_PER_QUERY);
        if (remaining.isEmpty() || needed <= remaining.getAsInt()) {
            return Optional.empty();
        }
        return Optional.of(Problem.warning("vendor.day-limit-ahead", "", ("Xero allows 5,000 calls a day per "
                + "organisation and only %d are left today; the %d invoices checked so far need about %d. Invoice %s "
                + "would probably not be sent today: export fewer invoices now, or export the rest tomorrow. Nothing "
                + "is lost if the limit is reached; Ledgerport stops and says so.").formatted(remaining.getAsInt(),
                        validated, needed, outgoing.invoice().number())));
    }

    private static int ceiling(int count, int per) {
        return (count + per - 1) / per;
    }

    private static Problem archivedContact(String name) {
        return Problem.error("contact.archived", "customer", ("Customer '%s' is archived in Xero, and Xero takes no "
                + "new invoices for archived contacts. Restore the contact in Xero (Contacts, Archived, Restore), then "
                + "export again.").formatted(name));
    }

    @Override
    public Resolution<Long> resolveCustomers(List<Customer> customers) throws ConnectorException {
        Map<String, List<Customer>> byName = new LinkedHashMap<>();
        customers.forEach(c -> byName.computeIfAbsent(Names.key(c.name()), k -> new ArrayList<>()).add(c));
        List<Contact> contacts = findContacts(byName.values().stream().map(list -> list.get(0)).toList());
        Map<Long, String> resolved = new HashMap<>();
        Map<Long, Problem> failed = new HashMap<>();
        Set<String> archived = new HashSet<>();
        List<Customer> toCreate = new ArrayList<>();
        byName.forEach((key, same) -> {
            Optional<Contact> match = match(contacts, key, same, true);
            if (match.isPresent()) {
                same.forEach(c -> resolved.put(c.id(), match.get().id()));
            } else if (match(contacts, key, same, false).isPresent()) {
                archived.add(key);
                same.forEach(c -> failed.put(c.id(), archivedContact(c.name())));
            } else {
                toCreate.add(same.get(0));
            }
        });
        rememberArchived(archived);
        int created = createContacts(toCreate, byName, resolved, failed);
        return new Resolution<>(resolved, failed, created);
    }

    /** A contact as Ledgerport matches it. */
    private record Contact(String id, String nameKey, String number, boolean active) {
        static Contact of(JsonNode json) {
            return new Contact(json.path("ContactID").asText(""), Names.key(json.path("Name").asText("")),
                    json.path("ContactNumber").asText(""), json.path("ContactStatus").asText("ACTIVE")
                            .equalsIgnoreCase("ACTIVE"));
        }
    }

    /**
     * A customer's contact: by name first, then by the contact code Ledgerport gave it, which finds a customer
     * renamed on either side since.
     */
    private static Optional<Contact> match(List<Contact> contacts, String key, List<Customer> same, boolean active) {
        Set<String> numbers = same.stream().map(c -> Names.contactNumber(c.id())).collect(Collectors.toSet());
        return contacts.stream().filter(c -> c.active() == active && c.nameKey().equals(key)).findFirst()
                .or(() -> contacts.stream().filter(c -> c.active() == active && numbers.contains(c.number()))
                        .findFirst());
    }

    /** Looks the customers' contacts up by name and contact code, {@value #NAMES_PER_QUERY} customers a call. */
    private List<Contact> findContacts(List<Customer> customers) throws ConnectorException {
        List<Contact> contacts = new ArrayList<>();
        for (int from = 0; from < customers.size(); from += NAMES_PER_QUERY) {
            List<Customer> chunk = customers.subList(from, Math.min(customers.size(), from + NAMES_PER_QUERY));
            String where = chunk.stream()
                    .map(c -> "Name==" + Names.literal(c.name()) + " OR ContactNumber=="
                            + Names.literal(Names.contactNumber(c.id())))
                    .collect(Collectors.joining(" OR "));
            api.pages("Contacts", "Contacts", Map.of("where", where, "includeArchived", "true"), Map.of(),
                    "Looking up contacts").forEach(json -> contacts.add(Contact.of(json)));
        }
        return contacts;
    }

    private void rememberArchived(Set<String> names) {
        Optional<OrganisationLists> lists = cache.get();
        if (!names.isEmpty() && lists.isPresent()) {
            Set<String> all = new HashSet<>(lists.get().archivedContacts());
            all.addAll(names);
            cache.put(lists.get().withArchivedContacts(all));
        }
    }

    /** Creates contacts, {@value XeroApi#BATCH} a call; returns how many were created. */
    private int createContacts(List<Customer> toCreate, Map<String, List<Customer>> byName, Map<Long, String> resolved,
            Map<Long, Problem> failed) throws ConnectorException {
        String baseCurrency = toCreate.isEmpty() ? "" : lists(false).baseCurrency();
        int created = 0;
        for (int from = 0; from < toCreate.size(); from += XeroApi.BATCH) {
            List<Customer> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + XeroApi.BATCH));
            ObjectNode body = XeroApi.JSON.createObjectNode();
            ArrayNode list = body.putArray("Contacts");
            chunk.forEach(c -> list.add(contact(c, baseCurrency)));
            XeroApi.Written written = api.write("PUT", "Contacts", "Contacts", body, key("contacts", body),
                    "Adding contacts");
            for (int i = 0; i < chunk.size(); i++) {
                Customer customer = chunk.get(i);
                List<Customer> same = byName.get(Names.key(customer.name()));
                JsonNode element = written.element(i, "Name", customer.name());
                List<String> errors = element == null ? List.of() : XeroFault.validationMessages(element);
                if (element == null || written.refusedAsAWhole() && errors.isEmpty()) {
                    Problem problem = unsaved("Customer '" + customer.name() + "'", written.refusedAsAWhole());
                    same.forEach(c -> failed.put(c.id(), problem));
                } else if (!errors.isEmpty()) {
                    Problem problem = XeroProblems.contact(errors.get(0), customer.name(), customer.id());
                    same.forEach(c -> failed.put(c.id(), problem));
                } else {
                    created++;
                    String id = element.path("ContactID").asText("");
                    same.forEach(c -> resolved.put(c.id(), id));
                }
            }
        }
        return created;
    }

    private static ObjectNode contact(Customer customer, String baseCurrency) {
        ObjectNode json = XeroApi.JSON.createObjectNode();
        json.put("Name", customer.name());
        json.put("ContactNumber", Names.contactNumber(customer.id()));
        if (Names.emailLooksValid(customer.email())) {
            json.put("EmailAddress", customer.email());
        }
        if (!customer.billingAddress().isEmpty()) {
            var address = customer.billingAddress();
            ObjectNode postal = json.putArray("Addresses").addObject();
            postal.put("AddressType", "POBOX");
            postal.put("AddressLine1", address.line1());
            postal.put("AddressLine2", address.line2());
            postal.put("City", address.city());
            postal.put("Region", address.region());
            postal.put("PostalCode", address.postalCode());
            postal.put("Country", address.country());
        }
        String currency = customer.currency().getCurrencyCode();
        if (!currency.equals(baseCurrency)) {
            json.put("DefaultCurrency", currency);
        }
        return json;
    }

    @Override
    public Resolution<String> resolveItems(List<Item> items) throws ConnectorException {
        Map<String, String> resolved = new HashMap<>();
        Map<String, Problem> failed = new HashMap<>();
        // Xero's item codes ignore letter case: codes that differ only by it are one item there.
        Map<String, List<Item>> byCode = new LinkedHashMap<>();
        for (Item item : items) {
            if (Names.itemCodeFits(item.code())) {
                byCode.computeIfAbsent(item.code().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(item);
            } else {
                resolved.put(item.code(), InvoicePayload.PLAIN_LINE);
            }
        }
        Map<String, String> found = findItems(byCode.values().stream().map(same -> same.get(0)).toList());
        List<Item> toCreate = new ArrayList<>();
        byCode.forEach((key, same) -> {
            if (found.containsKey(key)) {
                same.forEach(item -> resolved.put(item.code(), found.get(key)));
            } else {
                toCreate.add(same.get(0));
            }
        });
        int created = 0;
        if (!toCreate.isEmpty()) {
            InvoicePayload payload = new InvoicePayload(connection, settings, lists(false));
            for (int from = 0; from < toCreate.size(); from += XeroApi.BATCH) {
                List<Item> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + XeroApi.BATCH));
                ObjectNode body = XeroApi.JSON.createObjectNode();
                ArrayNode list = body.putArray("Items");
                chunk.forEach(item -> list.add(item(item, payload)));
                XeroApi.Written written = api.write("PUT", "Items", "Items", body, key("items", body), "Adding items");
                for (int i = 0; i < chunk.size(); i++) {
                    Item item = chunk.get(i);
                    List<Item> same = byCode.get(item.code().toLowerCase(Locale.ROOT));
                    JsonNode element = written.element(i, "Code", item.code());
                    List<String> errors = element == null ? List.of() : XeroFault.validationMessages(element);
                    if (element == null || written.refusedAsAWhole() && errors.isEmpty()) {
                        Problem problem = unsaved("Item " + item.code(), written.refusedAsAWhole());
                        same.forEach(other -> failed.put(other.code(), problem));
                    } else if (!errors.isEmpty()) {
                        Problem problem = XeroProblems.item(errors.get(0), item.code());
                        same.forEach(other -> failed.put(other.code(), problem));
                    } else {
                        created++;
                        String id = element.path("ItemID").asText("");
                        same.forEach(other -> resolved.put(other.code(), id));
                    }
                }
            }
        }
        return new Resolution<>(resolved, failed, created);
    }

    /** Xero's item ids by lower-case code, {@value #NAMES_PER_QUERY} codes a call. */
    private Map<String, String> findItems(List<Item> items) throws ConnectorException {
        Map<String, String> ids = new HashMap<>();
        for (int from = 0; from < items.size(); from += NAMES_PER_QUERY) {
            List<Item> chunk = items.subList(from, Math.min(items.size(), from + NAMES_PER_QUERY));
            String where = chunk.stream().map(i -> "Code==" + Names.literal(i.code()))
                    .collect(Collectors.joining(" OR "));
            for (JsonNode item : api.get("Items", Map.of("where", where), "Looking up items").path("Items")) {
                ids.putIfAbsent(item.path("Code").asText("").toLowerCase(Locale.ROOT),
                        item.path("ItemID").asText(""));
            }
        }
        return ids;
    }

    private static ObjectNode item(Item item, InvoicePayload payload) {
        ObjectNode json = XeroApi.JSON.createObjectNode();
        json.put("Code", item.code());
        json.put("Name", Names.shortened(item.name(), Names.ITEM_NAME_LIMIT));
        json.put("Description", item.name());
        json.put("IsSold", true);
        json.put("IsPurchased", false);
        ObjectNode sales = json.putObject("SalesDetails");
        sales.put("UnitPrice", item.defaultPrice().amount());
        sales.put("AccountCode", payload.account(item.incomeAccount()));
        String taxType = payload.taxType(item.taxCode());
        if (!taxType.isEmpty()) {
            sales.put("TaxType", taxType);
        }
        return json;
    }

    /** Why an element is not in Xero though Xero named no error of its own. */
    private static Problem unsaved(String subject, boolean refusedAsAWhole) {
        return Problem.vendor("vendor.not-saved", "", subject + (refusedAsAWhole
                ? " was not saved: Xero refused the request it was in because of another one. Export again once the "
                        + "others' problems are solved."
                : " is missing from Xero's answer. Export again: Ledgerport looks it up before adding it."), "", "",
                true);
    }

    @Override
    public List<PushResult> push(List<OutgoingInvoice> batch) throws ConnectorException {
        if (batch.size() > XeroApi.BATCH) {
            throw new IllegalArgumentException("Xero takes at most " + XeroApi.BATCH + " invoices a batch");
        }
        OrganisationLists lists = lists(false);
        InvoicePayload payload = new InvoicePayload(connection, settings, lists);
        ObjectNode body = XeroApi.JSON.createObjectNode();
        ArrayNode invoices = body.putArray("Invoices");
        StringBuilder keys = new StringBuilder();
        for (OutgoingInvoice outgoing : batch) {
            invoices.add(payload.write(outgoing));
            keys.append(outgoing.idempotencyKey()).append('/');
        }
        XeroApi.Written written = api.write("PUT", "Invoices", "Invoices", body, key(keys.toString(), body),
                "Sending invoices");
        List<PushResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutgoingInvoice outgoing = batch.get(i);
            results.add(result(outgoing, written.element(i, "Reference", outgoing.ourReference()),
                    written.refusedAsAWhole(), lists));
        }
        return results;
    }

    private PushResult result(OutgoingInvoice outgoing, JsonNode element, boolean refusedAsAWhole,
            OrganisationLists lists) {
        String number = numberOf(outgoing);
        List<String> errors = element == null ? List.of() : XeroFault.validationMessages(element);
        if (!errors.isEmpty()) {
            return new PushResult.Rejected(outgoing.ourReference(), errors.stream()
                    .map(message -> XeroProblems.invoice(message, number)).toList());
        }
        if (refusedAsAWhole) {
            return new PushResult.Rejected(outgoing.ourReference(), List.of(unsaved("Invoice " + number, true)));
        }
        if (element == null) {
            return new PushResult.Unknown(outgoing.ourReference(), Problem.vendor("vendor.no-answer", "",
                    "Xero's answer did not mention invoice " + number + "; Ledgerport looks it up before sending it "
                            + "again.", "", "", true));
        }
        ExternalInvoice external = external(element, lists);
        ours.put(outgoing.ourReference(), external);
        List<Problem> warnings = new ArrayList<>(totalCheck(outgoing, element));
        for (JsonNode warning : element.path("Warnings")) {
            String message = warning.path("Message").asText("");
            warnings.add(Problem.warning("vendor.warning", "", "Xero accepted invoice " + external.number()
                    + " with a warning: " + message));
        }
        return new PushResult.Created(outgoing.ourReference(), external, warnings);
    }

    private static String numberOf(OutgoingInvoice outgoing) {
        return outgoing.numberToSend().isEmpty() ? outgoing.invoice().number() : outgoing.numberToSend();
    }

    /** A cent-level comparison of Xero's total with the one billed. */
    private static List<Problem> totalCheck(OutgoingInvoice outgoing, JsonNode element) {
        if (!element.has("Total")) {
            return List.of();
        }
        Money billed = outgoing.totals().total();
        BigDecimal theirs = decimal(element.path("Total"));
        if (theirs.compareTo(billed.amount()) == 0) {
            return List.of();
        }
        return List.of(Problem.warning("invoice.total-differs", "total", ("Xero shows invoice %s with a total of %s "
                + "(tax %s); Ledgerport billed %s (tax %s). Check the tax mapping of the codes used, then correct the "
                + "invoice in Xero or revert and export it again.").formatted(element.path("InvoiceNumber")
                        .asText(numberOf(outgoing)), theirs.toPlainString(), decimal(element.path("TotalTax"))
                                .toPlainString(), billed.amount().toPlainString(),
                        outgoing.totals().tax().amount().toPlainString())));
    }

    private ExternalInvoice external(JsonNode invoice, OrganisationLists lists) {
        String id = invoice.path("InvoiceID").asText();
        return new ExternalInvoice(id, invoice.path("InvoiceNumber").asText(""), XeroDates.date(invoice, "Date"),
                invoice.path("UpdatedDateUTC").asText(""), settings.invoiceLink(id, lists.shortCode()));
    }

    /** Looks the invoice up by the reference Ledgerport gave it; finds, never creates. */
    @Override
    public Optional<ExternalInvoice> findByReference(String ourReference) throws ConnectorException {
        ExternalInvoice known = ours.get(ourReference);
        if (known != null) {
            return Optional.of(known);
        }
        List<JsonNode> found = new ArrayList<>();
        api.get("Invoices", Map.of("where", "Reference==" + Names.literal(ourReference)),
                "Looking for invoice " + ourReference).path("Invoices").forEach(found::add);
        // An invoice deleted in Xero since still arrived; one that was not deleted is the better answer.
        Optional<JsonNode> invoice = found.stream()
                .filter(i -> ourReference.equals(i.path("Reference").asText(""))
                        && "ACCREC".equals(i.path("Type").asText("ACCREC")))
                .min(Comparator.comparing(i -> "DELETED".equals(i.path("Status").asText(""))));
        if (invoice.isEmpty()) {
            return Optional.empty();
        }
        ExternalInvoice external = external(invoice.get(), lists(false));
        ours.put(ourReference, external);
        return Optional.of(external);
    }

    /**
     * Deletes a draft or submitted invoice (its number is freed), voids an approved one without payments (Xero keeps
     * its number taken), and refuses when payments or credit notes are allocated to it: Xero voids only once they
     * are removed, which is the user's decision.
     */
    @Override
    public WithdrawalPlan planWithdrawal(ExternalInvoice invoice) throws ConnectorException {
        return plan(invoice, current(invoice));
    }

    /** Withdraws as {@link #planWithdrawal} says; an invoice already deleted or voided is left as it is. */
    @Override
    public Withdrawal withdraw(ExternalInvoice invoice) throws ConnectorException {
        JsonNode current = current(invoice);
        WithdrawalPlan plan = plan(invoice, current);
        String status = current.path("Status").asText("");
        if (!"DELETED".equals(status) && !"VOIDED".equals(status)) {
            String number = current.path("InvoiceNumber").asText(invoice.number());
            boolean delete = plan.action() == Withdrawal.DELETED;
            update(invoice.externalId(), number, delete ? "delete" : "void", Map.of("Status",
                    delete ? "DELETED" : "VOIDED"));
        }
        return plan.action();
    }

    private JsonNode current(ExternalInvoice invoice) throws ConnectorException {
        return api.get("Invoices/" + invoice.externalId(), Map.of(), "Invoice " + invoice.number()).path("Invoices")
                .path(0);
    }

    private static WithdrawalPlan plan(ExternalInvoice invoice, JsonNode current) throws ConnectorException {
        String number = current.path("InvoiceNumber").asText(invoice.number());
        String status = current.path("Status").asText("");
        BigDecimal paid = decimal(current.path("AmountPaid"));
        BigDecimal credited = decimal(current.path("AmountCredited"));
        return switch (status) {
            case "DELETED" -> new WithdrawalPlan(Withdrawal.DELETED, false, ("Invoice %s is already deleted in Xero, "
                    + "so nothing changes there; its number can be used again.").formatted(number));
            case "VOIDED" -> new WithdrawalPlan(Withdrawal.VOIDED, true, ("Invoice %s is already void in Xero, so "
                    + "nothing changes there. Xero keeps the number %s taken by the voided invoice.").formatted(number,
                            number));
            case "DRAFT", "SUBMITTED" -> new WithdrawalPlan(Withdrawal.DELETED, false, ("Invoice %s is %s in Xero, "
                    + "so it will be deleted there; its number %s can then be used again.").formatted(number,
                            "DRAFT".equals(status) ? "a draft" : "awaiting approval", number));
            case "AUTHORISED" -> {
                if (paid.signum() != 0 || credited.signum() != 0 || current.path("Payments").size() > 0) {
                    throw paymentsFirst(number, current, paid, credited);
                }
                yield new WithdrawalPlan(Withdrawal.VOIDED, true, ("Invoice %s is approved in Xero, so it will be "
                        + "voided there, not deleted. Xero keeps the number %s taken by the voided invoice, so the "
                        + "revised invoice needs another number.").formatted(number, number));
            }
            case "PAID" -> throw paymentsFirst(number, current, paid, credited);
            default -> throw new ConnectorException(Problem.vendor("invoice.cannot-withdraw", "", ("Invoice %s has the "
                    + "status %s in Xero, from which Ledgerport cannot take it back. Delete or void it in Xero, then "
                    + "revert it here again.").formatted(number, status), status, "", false));
        };
    }

    private static ConnectorException paymentsFirst(String number, JsonNode invoice, BigDecimal paid,
            BigDecimal credited) {
        String currency = invoice.path("CurrencyCode").asText("");
        String what = paid.signum() > 0 && credited.signum() > 0
                ? "payments of %s and credit notes of %s".formatted(money(paid, currency), money(credited, currency))
                : credited.signum() > 0 ? "credit notes of " + money(credited, currency)
                        : "payments of " + money(paid, currency);
        return new ConnectorException(Problem.vendor("invoice.has-payments", "", ("Invoice %s has %s in Xero, and "
                + "Xero voids only invoices with nothing paid or credited. In Xero, open the invoice, remove the "
                + "payments (and unallocate the credit notes), then revert the invoice here again. If the payment is "
                + "real, leave the invoice and issue a credit note instead.").formatted(number, what),
                invoice.path("Status").asText(""), "", false));
    }

    /** An amount as a bookkeeper reads it: in the currency's decimals, after its code. */
    private static String money(BigDecimal amount, String currency) {
        return currency.matches("[A-Z]{3}") ? Money.rounded(amount, Currency.getInstance(currency)).toString()
                : amount.toPlainString();
    }

    private void update(String invoiceId, String number, String action, Map<String, String> fields)
            throws ConnectorException {
        ObjectNode body = XeroApi.JSON.createObjectNode();
        ObjectNode invoice = body.putArray("Invoices").addObject();
        invoice.put("InvoiceID", invoiceId);
        fields.forEach(invoice::put);
        XeroApi.Written written = api.write("POST", "Invoices/" + invoiceId, "Invoices", body,
                key(action + "/" + invoiceId, body), "Invoice " + number);
        List<String> errors = written.elements().isEmpty() ? List.of()
                : XeroFault.validationMessages(written.elements().get(0));
        if (!errors.isEmpty()) {
            throw new ConnectorException(XeroProblems.invoice(errors.get(0), number));
        }
    }

    /**
     * Records the payment against its invoice in Xero, into the deposit account named. The payment's idempotency key
     * travels as the Idempotency-Key, so a resend after a lost answer is answered with the payment Xero already has.
     */
    @Override
    public ExternalPayment sendPayment(OutgoingPayment payment) throws ConnectorException {
        ExternalInvoice invoice = payment.invoice();
        String subject = "The payment of %s on invoice %s".formatted(payment.amount(), invoice.number());
        ReferenceEntry account = depositAccount(payment.depositAccount());
        ObjectNode body = XeroApi.JSON.createObjectNode();
        ObjectNode element = body.putArray("Payments").addObject();
        element.putObject("Invoice").put("InvoiceID", invoice.externalId());
        ObjectNode into = element.putObject("Account");
        if (account.code().equals(account.id())) {
            into.put("AccountID", account.id());
        } else {
            into.put("Code", account.code());
        }
        element.put("Date", payment.date().toString());
        element.put("Amount", payment.amount().amount());
        if (!payment.reference().isEmpty()) {
            element.put("Reference", payment.reference());
        }
        XeroApi.Written written = api.write("PUT", "Payments", "Payments", body,
                idempotencyKey(payment.idempotencyKey()), subject);
        JsonNode recorded = written.elements().isEmpty() ? null : written.elements().get(0);
        List<String> errors = recorded == null ? List.of() : XeroFault.validationMessages(recorded);
        if (!errors.isEmpty()) {
            throw new ConnectorException(XeroProblems.payment(errors.get(0), subject, account.name()));
        }
        if (recorded == null || recorded.path("PaymentID").asText("").isEmpty()) {
            throw new ConnectorException(Problem.vendor("vendor.no-answer", "", subject + " is missing from Xero's "
                    + "answer. Ledgerport sends it again with the same key, which Xero answers without recording it "
                    + "twice.", "", "", true), true, null);
        }
        try {
            JsonNode after = current(invoice);
            StatusChange change = change(after).orElseThrow(() -> new ConnectorException(Problem.vendor(
                    "vendor.unknown-status", "", "Xero recorded " + subject.toLowerCase(Locale.ROOT) + ", but gave the "
                            + "invoice a status Ledgerport does not know (" + after.path("Status").asText("")
                            + "). Refresh the invoice's status.", after.path("Status").asText(""), "", false),
                    true, null));
            return new ExternalPayment(recorded.path("PaymentID").asText(), change);
        } catch (ConnectorException e) {
            // The payment is recorded; sent again with its key, Xero answers with it and the invoice is read then.
            throw new ConnectorException(e.problem(), true, e);
        }
    }

    /** The deposit account by code, id or name; the lists are read again once when it is not among them. */
    private ReferenceEntry depositAccount(String wanted) throws ConnectorException {
        Optional<ReferenceEntry> account = referenceData(false).depositAccount(wanted);
        if (account.isEmpty()) {
            account = referenceData(true).depositAccount(wanted);
        }
        if (account.isPresent()) {
            return account.get();
        }
        String names = referenceData(false).depositAccounts().stream().map(a -> a.code().equals(a.id()) ? a.name()
                : a.code() + " " + a.name()).collect(Collectors.joining(", "));
        throw new ConnectorException(Problem.error("payment.deposit-account-unknown", "depositAccount", ("Xero has no "
                + "active bank account, or account with payments enabled, '%s' to receive the payment into. Choose "
                + "one of its deposit accounts (%s), or in Xero tick 'Enable payments to this account' on the "
                + "account.").formatted(wanted, names)));
    }

    /** Xero takes keys of up to 128 characters; a longer one is replaced by its digest, as stable as itself. */
    private static String idempotencyKey(String key) {
        return key.length() <= 128 ? key : UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Invoice changes since the moment, read with If-Modified-Since, 100 a page, oldest first. */
    @Override
    public List<StatusChange> statusChangesSince(Instant since) throws ConnectorException {
        List<StatusChange> changes = new ArrayList<>();
        for (JsonNode invoice : api.pages("Invoices", "Invoices", Map.of("Statuses", ALL_STATUSES), Map.of(
                "If-Modified-Since", XeroDates.modifiedSince(since)), "Reading changes")) {
            if ("ACCREC".equals(invoice.path("Type").asText("ACCREC"))) {
                change(invoice).ifPresent(changes::add);
            }
        }
        changes.sort(Comparator.comparing(StatusChange::changedAt));
        return changes;
    }

    private Optional<StatusChange> change(JsonNode invoice) {
        VendorStatus status = switch (invoice.path("Status").asText("")) {
            case "DRAFT" -> VendorStatus.DRAFT;
            case "SUBMITTED" -> VendorStatus.SUBMITTED;
            case "AUTHORISED" -> decimal(invoice.path("AmountPaid")).signum() > 0 ? VendorStatus.PARTLY_PAID
                    : VendorStatus.APPROVED;
            case "PAID" -> VendorStatus.PAID;
            case "VOIDED" -> VendorStatus.VOIDED;
            case "DELETED" -> VendorStatus.DELETED;
            default -> null;
        };
        if (status == null) {
            return Optional.empty();
        }
        Money due = null;
        String currency = invoice.path("CurrencyCode").asText("");
        if (invoice.has("AmountDue") && currency.matches("[A-Z]{3}")) {
            due = Money.rounded(decimal(invoice.path("AmountDue")), Currency.getInstance(currency));
        }
        Instant changedAt = XeroDates.instant(invoice.path("UpdatedDateUTC").asText("")).orElse(clock.instant());
        return Optional.of(new StatusChange(invoice.path("InvoiceID").asText(), invoice.path("Reference").asText(""),
                status, due, changedAt));
    }

    /** A number Xero sent as a JSON number or as text; zero when absent. */
    static BigDecimal decimal(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return value.isTextual() ? new BigDecimal(value.asText().strip()) : BigDecimal.ZERO;
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /**
     * An Idempotency-Key for a write: the same whenever the same elements are sent again, so that a resend after a
     * lost answer is answered, not done twice. The body is part of it: when the user fixes something on Xero's side
     * (a mapping, an archived account) the next attempt is new work, not a replay of the refusal.
     */
    private String key(String what, JsonNode body) {
        String identity = connection.uid() + "/" + what + "/" + XeroApi.text(body);
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void close() {
        // The HTTP client, the lists and the call budget belong to the connector and outlive the session.
    }
}
