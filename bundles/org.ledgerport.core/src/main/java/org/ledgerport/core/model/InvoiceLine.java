package org.ledgerport.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of an invoice: so many units at a unit price. */
public record InvoiceLine(String description, BigDecimal quantity, Money unitPrice) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    /** Quantity times unit price, rounded half-up to the currency's decimals. */
    public Money amount() {
        return unitPrice.times(quantity);
    }
}
