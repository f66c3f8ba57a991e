package org.ledgerport.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment recorded here against an exported invoice, and how far it got towards the accounting package.
 *
 * @param connectionId   the connection the invoice was exported to, where the payment is sent
 * @param depositAccount the vendor's code of the account the money went into
 * @param reference      the bank's or the customer's reference, or empty
 * @param externalId     the vendor's id of the payment once it arrived there, else empty
 * @param problem        why it did not arrive, when it failed or is not confirmed, else empty
 */
public record Payment(long id, long invoiceId, long connectionId, Money amount, LocalDate date,
        String depositAccount, String reference, String recordedBy, Instant recordedAt, PaymentState state,
        String externalId, String problem) {

    public Payment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(state, "state");
        depositAccount = depositAccount == null ? "" : depositAccount;
        reference = reference == null ? "" : reference;
        recordedBy = recordedBy == null ? "" : recordedBy;
        externalId = externalId == null ? "" : externalId;
        problem = problem == null ? "" : problem;
    }
}
