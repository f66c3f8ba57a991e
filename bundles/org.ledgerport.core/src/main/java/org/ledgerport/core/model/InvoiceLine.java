package org.ledgerport.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of an invoice: so many units of an item at a unit price, less a discount in percent, taxed by a
 * tax code.
 *
 * @param itemCode        the firm's item code, or empty for a free-text line
 * @param discountPercent 0 to 100; 10 takes ten percent off the line
 */
public record InvoiceLine(String itemCode, String description, BigDecimal quantity, Money unitPrice,
        BigDecimal discountPercent, String taxCode) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public InvoiceLine {
        itemCode = itemCode == null ? "" : itemCode.strip();
        Objects.requireNonNull(description, "description");
        quantity = normalized(Objects.requireNonNull(quantity, "quantity"));
        Objects.requireNonNull(unitPrice, "unitPrice");
        discountPercent = normalized(discountPercent == null ? BigDecimal.ZERO : discountPercent);
        if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("A discount is between 0 and 100 %%, not %s on line '%s'"
                    .formatted(discountPercent.toPlainString(), description));
        }
        taxCode = taxCode == null ? "" : taxCode.strip();
    }

    /** A free-text line without item, discount or tax code. */
    public static InvoiceLine of(String description, BigDecimal quantity, Money unitPrice) {
        return new InvoiceLine("", description, quantity, unitPrice, BigDecimal.ZERO, "");
    }

    // Scale is not part of a quantity's value: 10, 10.0 and 1E+1 are the same ten hours.
    private static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Quantity times unit price less the discount, rounded half-up to the currency's decimals once, at the
     * end, as both accounting packages compute a line amount.
     */
    public Money amount() {
        BigDecimal gross = unitPrice.amount().multiply(quantity);
        BigDecimal net = gross.multiply(HUNDRED.subtract(discountPercent)).divide(HUNDRED, gross.scale() + 4,
                RoundingMode.HALF_UP);
        return Money.rounded(net, unitPrice.currency());
    }
}
