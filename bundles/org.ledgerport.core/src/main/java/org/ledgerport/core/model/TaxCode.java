package org.ledgerport.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tax code the firm puts on invoice lines, with its rate in percent (20 for 20 %). Codes are the firm's
 * own; a connection maps each one to the accounting package's tax code or rate.
 */
public record TaxCode(String code, String name, BigDecimal ratePercent) {

    public TaxCode {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A tax code needs a code");
        }
        code = code.strip();
        name = name == null || name.isBlank() ? code : name.strip();
        Objects.requireNonNull(ratePercent, "ratePercent");
        if (ratePercent.signum() < 0 || ratePercent.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException(
                    "Tax code %s: the rate must be between 0 and 100 %%, not %s".formatted(code, ratePercent));
        }
        ratePercent = ratePercent.stripTrailingZeros();
        if (ratePercent.scale() < 0) {
            ratePercent = ratePercent.setScale(0);
        }
    }
}
