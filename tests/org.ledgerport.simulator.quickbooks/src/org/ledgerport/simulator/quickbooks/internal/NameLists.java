package org.ledgerport.simulator.quickbooks.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Customers, products and services, vendors and employees: the rules QuickBooks applies to names (no colon, tab
 * or new line; unique, inactive ones included, customers' display names across customers, vendors and employees).
 */
public final class NameLists {

    private static final Set<String> CUSTOMER_FIELDS = Set.of("DisplayName", "Title", "GivenName", "MiddleName",
            "FamilyName", "Suffix", "CompanyName", "PrintOnCheckName", "PrimaryEmailAddr", "PrimaryPhone", "Mobile",
            "Fax", "WebAddr", "BillAddr", "ShipAddr", "Notes", "Taxable", "DefaultTaxCodeRef", "CurrencyRef",
            "Active", "ResaleNum", "SalesTermRef", "PaymentMethodRef", "PreferredDeliveryMethod");
    private static final Set<String> ITEM_FIELDS = Set.of("Name", "Description", "Type", "IncomeAccountRef",
            "ExpenseAccountRef", "AssetAccountRef", "UnitPrice", "PurchaseCost", "PurchaseDesc", "Sku", "Taxable",
            "SalesTaxCodeRef", "PurchaseTaxCodeRef", "SalesTaxIncluded", "Active", "TrackQtyOnHand", "QtyOnHand",
            "InvStartDate");
    private static final Set<String> ITEM_TYPES = Set.of("Service", "NonInventory", "Inventory", "Group",
            "Category");
    /** The lists whose display names must not collide with each other (reference 1.3). */
    private static final List<String> PEOPLE = List.of("Customer", "Vendor", "Employee");

    private final Company company;

    NameLists(Company company) {
        this.company = company;
    }

    /** Creates a customer, or updates one when the body has an Id. */
    public ObjectNode saveCustomer(ObjectNode input) {
        ObjectNode existing = existing("Customer", input);
        ObjectNode fields = Company.writable(input, existing, CUSTOMER_FIELDS);
        String name = Json.text(fields, "DisplayName");
        if (name == null) {
            name = composedName(fields);
            if (name == null) {
                throw QboFault.requiredMissing("DisplayName");
            }
            fields.put("DisplayName", name);
        }
        name = name.strip();
        fields.put("DisplayName", name);
        checkName(name, "DisplayName", 500);
        checkUnique(PEOPLE, "DisplayName", name, existing, "Another customer, vendor or employee is already using "
                + "this name. Please use a different name.");
        String home = company.setup().homeCurrency();
        String currency = Json.ref(fields, "CurrencyRef");
        String before = existing == null ? null : Json.ref(existing, "CurrencyRef");
        if (currency == null) {
            currency = before == null ? home : before;
        }
        if (before != null && !before.equals(currency)) {
            // [unverified] in the reference; refusing is the stricter choice.
            throw QboFault.business("a customer's currency cannot be changed once set (" + before + " to " + currency
                    + ")", "CurrencyRef");
        }
        if (!currency.equals(home) && !company.setup().multiCurrency()) {
            throw QboFault.business("multicurrency is off in this company, so a customer's currency is " + home
                    + ", not " + currency, "CurrencyRef");
        }
        fields.set("CurrencyRef", Company.currencyRef(currency));
        Json.checkLength(Json.text(fields, "CompanyName"), 100, "CompanyName");
        fields.put("FullyQualifiedName", name);
        if (Json.text(fields, "PrintOnCheckName") == null) {
            fields.put("PrintOnCheckName", name);
        }
        fields.put("Taxable", Json.bool(fields, "Taxable", true));
        fields.put("Active", Json.bool(fields, "Active", true));
        fields.put("Balance", existing == null ? BigDecimal.ZERO.setScale(2) : existing.path("Balance")
                .decimalValue());
        return company.save("Customer", existing, fields, with(CUSTOMER_FIELDS, "FullyQualifiedName", "Balance"));
    }

    /** Creates a product or service, or updates one when the body has an Id. */
    public ObjectNode saveItem(ObjectNode input) {
        ObjectNode existing = existing("Item", input);
        ObjectNode fields = Company.writable(input, existing, ITEM_FIELDS);
        String name = Json.text(fields, "Name");
        if (name == null) {
            throw QboFault.requiredMissing("Name");
        }
        name = name.strip();
        fields.put("Name", name);
        checkName(name, "Name", 100);
        checkUnique(List.of("Item"), "Name", name, existing, "Another product or service is already using this "
                + "name. Please use a different name.");
        String type = Json.text(fields, "Type");
        if (type == null) {
            throw QboFault.requiredMissing("Type");
        }
        if (!ITEM_TYPES.contains(type)) {
            throw QboFault.validation("2170", "Invalid Enumeration", "Invalid enumeration : " + type + " for Type; "
                    + "one of " + ITEM_TYPES.stream().sorted().collect(Collectors.joining(", ")), "Type");
        }
        if (Set.of("Service", "NonInventory", "Inventory").contains(type)) {
            String account = Json.ref(fields, "IncomeAccountRef");
            if (account == null) {
                throw QboFault.requiredMissing("IncomeAccountRef");
            }
            ObjectNode income = activeAccount(account, "IncomeAccountRef");
            String accountType = income.path("AccountType").asText();
            if (!accountType.equals("Income") && !accountType.equals("Other Income")) {
                throw QboFault.business("the IncomeAccountRef of a product or service must be an income account; "
                        + income.path("Name").asText() + " is " + accountType, "IncomeAccountRef");
            }
            fields.set("IncomeAccountRef", Json.refNode(account, income.path("Name").asText()));
        }
        if (type.equals("Inventory")) {
            for (String required : List.of("AssetAccountRef", "ExpenseAccountRef", "QtyOnHand", "InvStartDate")) {
                if (!fields.hasNonNull(required)) {
                    throw QboFault.requiredMissing(required);
                }
            }
            activeAccount(Json.ref(fields, "AssetAccountRef"), "AssetAccountRef");
            activeAccount(Json.ref(fields, "ExpenseAccountRef"), "ExpenseAccountRef");
            fields.put("TrackQtyOnHand", true);
        }
        String taxCode = Json.ref(fields, "SalesTaxCodeRef");
        if (taxCode != null && company.find("TaxCode", taxCode) == null) {
            throw QboFault.invalidReference("TaxCode", taxCode, "SalesTaxCodeRef");
        }
        Json.checkLength(Json.text(fields, "Sku"), 100, "Sku");
        Json.checkLength(Json.text(fields, "Description"), 4000, "Description");
        BigDecimal price = Json.decimal(fields, "UnitPrice");
        fields.put("UnitPrice", price == null ? BigDecimal.ZERO : price);
        fields.put("FullyQualifiedName", name);
        fields.put("Taxable", Json.bool(fields, "Taxable", true));
        fields.put("Active", Json.bool(fields, "Active", true));
        return company.save("Item", existing, fields, with(ITEM_FIELDS, "FullyQualifiedName"));
    }

    /** A vendor or employee, as someone adds them in QuickBooks (the same name rules as for customers). */
    public ObjectNode addPerson(String entity, String displayName, boolean active) {
        String name = displayName.strip();
        checkName(name, "DisplayName", 500);
        checkUnique(PEOPLE, "DisplayName", name, null, "Another customer, vendor or employee is already using this "
                + "name. Please use a different name.");
        ObjectNode person = Json.object().put("DisplayName", name).put("PrintOnCheckName", name)
                .put("Active", active);
        return company.add(entity, person);
    }

    /** Makes a list entry inactive, as a user does in QuickBooks (name lists are never deleted). */
    public ObjectNode setActive(String entity, String nameField, String name, boolean active) {
        ObjectNode entry = company.stored(entity).stream().filter(e -> name.equals(e.path(nameField).asText()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No " + entity.toLowerCase(Locale.ROOT)
                        + " named '" + name + "' in company " + company.realmId()));
        entry.put("Active", active);
        company.touch(entry);
        return entry;
    }

    private ObjectNode existing(String entity, ObjectNode input) {
        String id = Json.text(input, "Id");
        if (id == null) {
            return null;
        }
        ObjectNode existing = company.find(entity, id);
        if (existing == null) {
            throw QboFault.notFound(entity, id);
        }
        Company.requireCurrent(existing, input);
        return existing;
    }

    private ObjectNode activeAccount(String id, String element) {
        ObjectNode account = company.find("Account", id);
        if (account == null) {
            throw QboFault.invalidReference("Account", id, element);
        }
        if (!account.path("Active").asBoolean(true)) {
            throw QboFault.inactive("account " + account.path("Name").asText() + " is inactive", element);
        }
        return account;
    }

    private static void checkName(String name, String element, int max) {
        if (name.indexOf(':') >= 0 || name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0
                || name.indexOf('\r') >= 0) {
            throw QboFault.business(element + " cannot contain a colon (:), a tab or a new line: '" + name + "'",
                    element);
        }
        Json.checkLength(name, max, element);
    }

    /** 6240 when another entry of these lists (inactive ones too) has the name, compared without case. */
    private void checkUnique(List<String> lists, String field, String name, ObjectNode self, String why) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        boolean taken = lists.stream().flatMap(list -> company.stored(list).stream())
                .filter(e -> e != self)
                .anyMatch(e -> e.path(field).asText().strip().toLowerCase(Locale.ROOT).equals(key));
        if (taken) {
            throw QboFault.validation("6240", "Duplicate Name Exists Error", "The name supplied already exists. : "
                    + why, field);
        }
    }

    private static String composedName(ObjectNode fields) {
        String person = Stream.of("Title", "GivenName", "MiddleName", "FamilyName", "Suffix")
                .map(f -> Json.text(fields, f)).filter(v -> v != null).collect(Collectors.joining(" "));
        if (!person.isBlank()) {
            return person;
        }
        return Json.text(fields, "CompanyName");
    }

    private static Set<String> with(Set<String> fields, String... more) {
        return Stream.concat(fields.stream(), Stream.of(more)).collect(Collectors.toSet());
    }
}
