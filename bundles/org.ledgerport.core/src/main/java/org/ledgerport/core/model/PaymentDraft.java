package org.ledgerport.core.model;

import java.time.LocalDate;
import java.util.Objects;

/** A payment as a user enters it, before it is recorded. */
public record PaymentDraft(long invoiceId, long connectionId, Money amount, LocalDate date, String depositAccount,
        String reference) {

    public PaymentDraft {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
        depositAccount = depositAccount == null ? "" : depositAccount.strip();
        reference = reference == null ? "" : reference.strip();
    }
}
