package org.ledgerport.simulator.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A payment applied to an invoice, by the Xero user or through the API.
 *
 * @param reference   null when none was given
 * @param accountCode the code of the account the money went into
 * @param updated     when it was recorded (its UpdatedDateUTC)
 */
public record Payment(UUID paymentId, LocalDate date, BigDecimal amount, String reference, String accountCode,
        Instant updated) {

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(accountCode, "accountCode");
        Objects.requireNonNull(updated, "updated");
    }
}
