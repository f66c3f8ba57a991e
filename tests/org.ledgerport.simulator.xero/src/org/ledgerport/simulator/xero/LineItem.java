package org.ledgerport.simulator.xero;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One invoice line as saved: amounts already worked out the way Xero does (line amount to 2 dp, tax per line
 * rounded to 2 dp). Quantity, unit amount, item, account and tax type may be null on description-only lines.
 */
public record LineItem(UUID lineItemId, String description, BigDecimal quantity, BigDecimal unitAmount,
        String itemCode, String accountCode, String taxType, BigDecimal taxAmount, BigDecimal lineAmount,
        BigDecimal discountRate) {
}
