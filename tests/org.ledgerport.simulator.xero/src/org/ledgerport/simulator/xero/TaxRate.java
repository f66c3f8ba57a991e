package org.ledgerport.simulator.xero;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tax rate an organisation offers.
 *
 * @param rate percent, e.g. 15 for 15%
 * @param onSales whether it may be used on sales (ACCREC) lines (Xero's CanApplyToRevenue)
 * @param onPurchases whether it may be used on bill (ACCPAY) lines (Xero's CanApplyToExpenses)
 */
public record TaxRate(String taxType, String name, BigDecimal rate, boolean onSales, boolean onPurchases) {

    public TaxRate {
        Objects.requireNonNull(taxType, "taxType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rate, "rate");
        if (!onSales && !onPurchases) {
            throw new IllegalArgumentException(taxType + " would be usable nowhere");
        }
    }
}
