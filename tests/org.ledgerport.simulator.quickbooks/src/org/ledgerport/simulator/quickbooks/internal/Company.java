package org.ledgerport.simulator.quickbooks.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.support.SimClock;
import org.ledgerport.simulator.support.SimResponse;

/**
 * One QuickBooks company (realm): its lists, transactions, preferences, its own invoice number sequence, the
 * answers it remembers by request id, and what it deleted (for change data capture). Every change happens under
 * the company's lock, as QuickBooks serializes writes to one company.
 */
public final class Company {

    /** Entities with an Active flag: queries leave inactive ones out unless asked about Active. */
    static final Set<String> NAME_LISTS = Set.of("Customer", "Vendor", "Employee", "Item", "Account", "TaxCode",
            "TaxRate");
    static final List<String> ENTITIES = List.of("Invoice", "Payment", "Customer", "Vendor", "Employee", "Item",
            "Account", "TaxCode", "TaxRate", "CompanyInfo", "Preferences");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter ANSWER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    /** A deleted entity, as change data capture reports it. */
    record Deletion(String entity, String id, OffsetDateTime at) {
    }

    private final CompanySetup setup;
    private final SimClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Map<String, ObjectNode>> entities = new LinkedHashMap<>();
    private final List<Deletion> deletions = new ArrayList<>();
    private final Map<String, SimResponse> answersByRequestId = new HashMap<>();
    /** Entities created by the batch being run: its later operations cannot see them. */
    private final Set<String> createdInBatch = new HashSet<>();
    private boolean inBatch;
    private int lastId;
    private boolean customTxnNumbers;
    private boolean automatedSalesTax;
    private String lastDocNumber;
    /** The Preferences entity's SyncToken and MetaData; its settings are the fields above. */
    private final ObjectNode preferencesVersion;
    private final Invoices invoices = new Invoices(this);
    private final NameLists names = new NameLists(this);
    private final Payments payments = new Payments(this);

    public Company(CompanySetup setup, SimClock clock) {
        this.setup = setup;
        this.clock = clock;
        this.customTxnNumbers = setup.customTxnNumbers();
        this.automatedSalesTax = setup.automatedSalesTax();
        ENTITIES.forEach(e -> entities.put(e, new LinkedHashMap<>()));
        this.preferencesVersion = Json.object().put("SyncToken", "0");
        preferencesVersion.set("MetaData", metaData());
        Seed.plant(this);
    }

    public CompanySetup setup() {
        return setup;
    }

    public String realmId() {
        return setup.realmId();
    }

    public Invoices invoices() {
        return invoices;
    }

    public NameLists names() {
        return names;
    }

    public Payments payments() {
        return payments;
    }

    /** Runs {@code work} holding the company's lock. */
    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    // ---- time ----

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), setup.zone()).truncatedTo(ChronoUnit.SECONDS);
    }

    LocalDate today() {
        return now().toLocalDate();
    }

    static String timestamp(OffsetDateTime time) {
        return TIMESTAMP.format(time);
    }

    /** The "time" every answer carries. */
    public String answerTime() {
        return answerTime(clock.instant(), setup.zone());
    }

    /** The "time" of an answer that concerns no company (an unknown realm, a gateway failure). */
    public static String answerTime(Instant instant, ZoneId zone) {
        return ANSWER_TIME.format(OffsetDateTime.ofInstant(instant, zone));
    }

    ObjectNode metaData() {
        String now = timestamp(now());
        return Json.object().put("CreateTime", now).put("LastUpdatedTime", now);
    }

    /** A changed entity: SyncToken one higher, LastUpdatedTime now. */
    void touch(ObjectNode entity) {
        entity.put("SyncToken", Integer.toString(Integer.parseInt(entity.path("SyncToken").asText("0")) + 1));
        entity.withObjectProperty("MetaData").put("LastUpdatedTime", timestamp(now()));
    }

    /** Refuses a change sent without the entity's current SyncToken (5010 when it is outdated). */
    static void requireCurrent(ObjectNode existing, ObjectNode input) {
        String sent = Json.text(input, "SyncToken");
        if (sent == null) {
            throw QboFault.requiredMissing("SyncToken");
        }
        String current = existing.path("SyncToken").asText();
        if (!sent.equals(current)) {
            throw QboFault.stale(existing.path("Id").asText(), sent, current);
        }
    }

    /**
     * Saves writable fields: a new entity, or an update of {@code existing} (a sparse update keeps the fields not
     * sent; a full update drops them).
     */
    ObjectNode save(String entity, ObjectNode existing, ObjectNode fields, Set<String> writable) {
        if (existing == null) {
            return add(entity, fields);
        }
        existing.remove(writable);
        existing.setAll(fields);
        touch(existing);
        return existing;
    }

    /** The writable fields of an update or creation: those sent, and for a sparse update the others as they were. */
    static ObjectNode writable(ObjectNode input, ObjectNode existing, Set<String> fields) {
        ObjectNode result = Json.object();
        if (existing != null && Json.bool(input, "sparse", false)) {
            fields.stream().filter(existing::has).forEach(f -> result.set(f, existing.get(f).deepCopy()));
        }
        for (String field : fields) {
            if (input.has(field)) {
                if (input.get(field).isNull()) {
                    result.remove(field);
                } else {
                    result.set(field, input.get(field).deepCopy());
                }
            }
        }
        return result;
    }

    // ---- storage ----

    /** Stores a new entity with a fresh Id, SyncToken 0 and MetaData. */
    ObjectNode add(String entity, ObjectNode node) {
        return add(entity, Integer.toString(++lastId), node);
    }

    /** Stores a new entity with the Id given (the pseudo tax codes TAX and NON have such Ids). */
    ObjectNode add(String entity, String id, ObjectNode node) {
        ObjectNode stored = Json.object().put("Id", id).put("SyncToken", "0");
        stored.setAll(node);
        stored.put("domain", "QBO");
        stored.put("sparse", false);
        stored.set("MetaData", metaData());
        entities.get(entity).put(id, stored);
        if (inBatch) {
            createdInBatch.add(entity + "/" + id);
        }
        return stored;
    }

    /** The entity as later operations see it: null when absent (or created earlier in the running batch). */
    public ObjectNode find(String entity, String id) {
        if (id == null || inBatch && createdInBatch.contains(entity + "/" + id)) {
            return null;
        }
        return entities.getOrDefault(entity, Map.of()).get(id);
    }

    /**
     * The active customer a transaction names in CustomerRef, refused as QuickBooks refuses a missing, unknown or
     * inactive one.
     *
     * @param transaction what needs the customer, for the message: "an invoice", "a payment"
     */
    ObjectNode customer(ObjectNode input, String transaction) {
        String id = Json.ref(input, "CustomerRef");
        if (id == null) {
            throw QboFault.validation("6560", "Required param missing", "Business Validation Error: " + transaction
                    + " needs a customer: CustomerRef is missing", "CustomerRef");
        }
        ObjectNode customer = find("Customer", id);
        if (customer == null) {
            throw QboFault.invalidReference("Customer", id, "CustomerRef");
        }
        if (!customer.path("Active").asBoolean(true)) {
            throw QboFault.inactive("customer " + customer.path("DisplayName").asText() + " is inactive",
                    "CustomerRef");
        }
        return customer;
    }

    /** Every entity of a kind that operations can see, in Id order. */
    List<ObjectNode> visible(String entity) {
        return switch (entity) {
            case "Preferences" -> List.of(preferences());
            case "CompanyInfo" -> List.of(companyInfo());
            default -> entities.getOrDefault(entity, Map.of()).values().stream()
                    .filter(e -> !(inBatch && createdInBatch.contains(entity + "/" + e.path("Id").asText())))
                    .toList();
        };
    }

    /** Every stored entity of a kind, including those a running batch cannot see (for uniqueness rules). */
    public List<ObjectNode> stored(String entity) {
        return List.copyOf(entities.getOrDefault(entity, Map.of()).values());
    }

    void remove(String entity, String id) {
        entities.get(entity).remove(id);
        deletions.add(new Deletion(entity, id, now()));
    }

    List<Deletion> deletions() {
        return List.copyOf(deletions);
    }

    /** Runs a batch's operations so that none sees what another created. */
    public <T> T asBatch(Supplier<T> work) {
        return locked(() -> {
            inBatch = true;
            try {
                return work.get();
            } finally {
                inBatch = false;
                createdInBatch.clear();
            }
        });
    }

    // ---- request ids ----

    SimResponse answerFor(String requestId) {
        return answersByRequestId.get(requestId);
    }

    void remember(String requestId, SimResponse answer) {
        answersByRequestId.put(requestId, answer);
    }

    public void forgetRequestIds() {
        answersByRequestId.clear();
    }

    // ---- preferences and numbering ----

    public boolean customTxnNumbers() {
        return customTxnNumbers;
    }

    public boolean automatedSalesTax() {
        return automatedSalesTax;
    }

    public void setCustomTxnNumbers(boolean on) {
        customTxnNumbers = on;
        touch(preferencesVersion);
    }

    public void setAutomatedSalesTax(boolean on) {
        automatedSalesTax = on;
        touch(preferencesVersion);
    }

    /**
     * The company's next invoice number: one more than the last number used on an invoice, prefix and all (after
     * "App_1000" comes "App_1001"), skipping numbers already taken.
     */
    String nextDocNumber() {
        String next = lastDocNumber == null ? setup.firstDocNumber() : increment(lastDocNumber);
        while (docNumberTaken(next, null)) {
            next = increment(next);
        }
        return next;
    }

    void docNumberUsed(String docNumber) {
        if (docNumber != null) {
            lastDocNumber = docNumber;
        }
    }

    /** Whether another invoice (not {@code exceptId}) already carries this number. */
    boolean docNumberTaken(String docNumber, String exceptId) {
        return entities.get("Invoice").values().stream().anyMatch(i -> docNumber.equals(i.path("DocNumber")
                .asText(null)) && !i.path("Id").asText().equals(exceptId));
    }

    /** Adds one to the number at the end of {@code number}, keeping its width; appends "1" when none. */
    private static String increment(String number) {
        int end = number.length();
        int start = end;
        while (start > 0 && Character.isDigit(number.charAt(start - 1))) {
            start--;
        }
        if (start == end) {
            return number + "1";
        }
        String digits = number.substring(start);
        String next = new BigDecimal(digits).add(BigDecimal.ONE).toPlainString();
        String padded = "0".repeat(Math.max(0, digits.length() - next.length())) + next;
        return number.substring(0, start) + padded;
    }

    ObjectNode preferences() {
        ObjectNode prefs = Json.object();
        ObjectNode sales = prefs.putObject("SalesFormsPrefs");
        sales.put("CustomTxnNumbers", customTxnNumbers);
        sales.put("AllowDiscount", true);
        sales.put("AllowShipping", false);
        ObjectNode tax = prefs.putObject("TaxPrefs");
        tax.put("UsingSalesTax", true);
        if (automatedSalesTax) {
            // Present only for AST companies; true = AST with tax set up (reference 1.3).
            tax.put("PartnerTaxEnabled", true);
        }
        ObjectNode currency = prefs.putObject("CurrencyPrefs");
        currency.put("MultiCurrencyEnabled", setup.multiCurrency());
        currency.set("HomeCurrency", Json.object().put("value", setup.homeCurrency()));
        prefs.put("Id", "1");
        prefs.put("SyncToken", preferencesVersion.path("SyncToken").asText());
        prefs.put("domain", "QBO");
        prefs.set("MetaData", preferencesVersion.path("MetaData").deepCopy());
        return prefs;
    }

    ObjectNode companyInfo() {
        ObjectNode info = Json.object();
        info.put("CompanyName", setup.companyName());
        info.put("LegalName", setup.companyName());
        info.put("Country", setup.country());
        info.set("CompanyAddr", Json.object().put("Country", setup.country()));
        info.put("Id", "1");
        info.put("SyncToken", "0");
        info.put("domain", "QBO");
        info.set("MetaData", Json.object().put("CreateTime", preferencesVersion.path("MetaData")
                .path("CreateTime").asText()).put("LastUpdatedTime", preferencesVersion.path("MetaData")
                        .path("CreateTime").asText()));
        return info;
    }

    /** A currency reference with the currency's English name, as QuickBooks answers it. */
    static ObjectNode currencyRef(String code) {
        String name;
        try {
            name = Currency.getInstance(code).getDisplayName(Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            name = code;
        }
        return Json.refNode(code, name);
    }

    static ArrayNode array() {
        return Json.object().arrayNode();
    }
}
