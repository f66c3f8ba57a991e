package org.ledgerport.simulator.xero.internal;

import static org.ledgerport.simulator.xero.internal.XeroJson.decimal;
import static org.ledgerport.simulator.xero.internal.XeroJson.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.Item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How an organisation takes one item element: codes unique (≤30 characters), sales details checked. */
final class ItemRules {

    record Outcome(Item saved, ObjectNode echo, List<String> messages) {
    }

    private final Ledger ledger;
    private final Books books;
    private final Instant now;

    ItemRules(Ledger ledger, Books draft, Instant now) {
        this.ledger = ledger;
        this.books = draft;
        this.now = now;
    }

    /** PUT /Items. */
    Outcome create(JsonNode element) {
        if (!element.isObject() || text(element, "ItemID") != null) {
            return refuse(element, List.of("An item cannot be created with an ItemID. PUT creates items only; use "
                    + "POST to update an existing item."));
        }
        return save(element, null);
    }

    /** POST /Items: the item named by ItemID, else by Code, else a new one. */
    Outcome createOrUpdate(JsonNode element) {
        if (!element.isObject()) {
            return refuse(element, List.of("Each item must be a JSON object."));
        }
        String id = text(element, "ItemID");
        if (id != null) {
            Item existing = find(id);
            return existing == null ? refuse(element, List.of("Item with ItemID '" + id + "' could not be found."))
                    : save(element, existing);
        }
        String code = text(element, "Code");
        return save(element, code == null ? null : books.itemCoded(code));
    }

    Item find(String idOrCode) {
        try {
            return books.items.get(UUID.fromString(idOrCode.trim()));
        } catch (IllegalArgumentException e) {
            return books.itemCoded(idOrCode);
        }
    }

    private Outcome save(JsonNode element, Item existing) {
        List<String> errors = new ArrayList<>();
        String code = element.has("Code") ? text(element, "Code") : existing == null ? null : existing.code();
        if (code == null) {
            errors.add("Item Code must be given.");
        } else if (code.length() > 30) {
            errors.add("Item Code must not be more than 30 characters long.");
        } else {
            Item holder = books.itemCoded(code);
            if (holder != null && (existing == null || !holder.itemId().equals(existing.itemId()))) {
                errors.add("Item code '" + code + "' already exists.");
            }
        }
        JsonNode sales = element.path("SalesDetails");
        BigDecimal price = existing == null ? null : existing.unitPrice();
        String accountCode = existing == null ? null : existing.accountCode();
        String taxType = existing == null ? null : existing.taxType();
        if (sales.isObject()) {
            try {
                price = sales.has("UnitPrice") ? decimal(sales, "UnitPrice") : price;
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
            accountCode = sales.has("AccountCode") ? text(sales, "AccountCode") : accountCode;
            taxType = sales.has("TaxType") ? text(sales, "TaxType") : taxType;
        }
        if (accountCode != null) {
            Account account = ledger.account(accountCode);
            if (account == null || account.archived() || !account.usableOnLines()) {
                errors.add("Account code '" + accountCode + "' is not a valid code for this document.");
            }
        }
        if (taxType != null && ledger.taxRate(taxType) == null) {
            errors.add("The TaxType code '" + taxType + "' does not exist or cannot be used for this type of "
                    + "transaction.");
        }
        if (!errors.isEmpty()) {
            return refuse(element, errors);
        }
        String name = element.has("Name") ? text(element, "Name") : existing == null ? code : existing.name();
        String description = element.has("Description") ? text(element, "Description")
                : existing == null ? null : existing.description();
        Item saved = new Item(existing == null ? UUID.randomUUID() : existing.itemId(), code.trim(), name,
                description, price, accountCode, taxType, now);
        books.items.put(saved.itemId(), saved);
        return new Outcome(saved, null, List.of());
    }

    private static Outcome refuse(JsonNode element, List<String> messages) {
        ObjectNode echo = element.isObject() ? ((ObjectNode) element).deepCopy() : XeroJson.object();
        echo.put("StatusAttributeString", "ERROR");
        echo.set("ValidationErrors", XeroJson.validationErrors(messages));
        return new Outcome(null, echo, List.copyOf(messages));
    }
}
