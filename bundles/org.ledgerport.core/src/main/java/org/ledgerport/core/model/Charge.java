package org.ledgerport.core.model;

import java.util.Objects;

/**
 * A charge on the invoice as a whole rather than on one line: freight, handling, or a discount off the
 * total. Accounting packages receive charges as lines of their own.
 *
 * @param amount  always positive; a {@link ChargeKind#DISCOUNT} is taken off
 * @param taxCode the tax code the charge is taxed by, or empty when it is not taxed
 */
public record Charge(ChargeKind kind, String description, Money amount, String taxCode) {

    public Charge {
        Objects.requireNonNull(kind, "kind");
        description = description == null || description.isBlank() ? kind.label() : description.strip();
        Objects.requireNonNull(amount, "amount");
        if (amount.amount().signum() < 0) {
            throw new IllegalArgumentException(
                    "A %s is entered as a positive amount, not %s".formatted(kind.label().toLowerCase(), amount));
        }
        taxCode = taxCode == null ? "" : taxCode.strip();
    }

    /** The amount with the sign it has on the invoice: negative for a discount. */
    public Money signedAmount() {
        return kind == ChargeKind.DISCOUNT ? amount.negate() : amount;
    }
}
