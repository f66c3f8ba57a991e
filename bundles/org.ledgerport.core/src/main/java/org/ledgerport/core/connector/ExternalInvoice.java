package org.ledgerport.core.connector;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An invoice as it exists at the vendor.
 *
 * @param externalId the vendor's id
 * @param number     the invoice number there (the vendor's own when it assigns numbers)
 * @param date       the invoice date there
 * @param syncToken  the vendor's version of the invoice, needed to change it later, or empty
 * @param location   where a person finds it (a link, a file and its rows), or empty
 */
public record ExternalInvoice(String externalId, String number, LocalDate date, String syncToken,
        String location) {

    public ExternalInvoice {
        Objects.requireNonNull(externalId, "externalId");
        number = number == null ? "" : number;
        syncToken = syncToken == null ? "" : syncToken;
        location = location == null ? "" : location;
    }
}
