package org.ledgerport.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of an invoice: so many units at a unit price. */
public record InvoiceLine(String description, BigDecimal quantity, Money unitPrice) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        // Scale is not part of a quantity's value: 10, 10.0 and 1E+1 are the same ten hours.
        quantity = quantity.stripTrailingZeros();
        if (quantity.scale() < 0) {
            quantity = quantity.setScale(0);
        }
    }

    /** Quantity times unit price, rounded half-up to the currency's decimals. */
    public Money amount() {
        return unitPrice.times(quantity);
    }
}
