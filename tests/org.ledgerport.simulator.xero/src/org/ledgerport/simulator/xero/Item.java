package org.ledgerport.simulator.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A product or service with its sales details, which fill in what an invoice line leaves out.
 *
 * @param unitPrice sales unit price, or null when the item has none
 * @param accountCode sales account, or null
 * @param taxType sales tax rate, or null
 */
public record Item(UUID itemId, String code, String name, String description, BigDecimal unitPrice,
        String accountCode, String taxType, Instant updated) {

    public Item {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(updated, "updated");
    }

    /** A sold item with a price and a sales account, its description taken from its name. */
    public static Item of(String code, String name, BigDecimal unitPrice, String accountCode) {
        return new Item(UUID.randomUUID(), code, name, name, unitPrice, accountCode, null, Instant.EPOCH);
    }
}
