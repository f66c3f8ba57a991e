package org.ledgerport.core.model;

import java.util.Currency;
import java.util.Objects;

/** Someone the firm invoices. Names keep apostrophes, ampersands and accents exactly as written. */
public record Customer(long id, String name, String email, Currency currency) {

    public Customer {
        Objects.requireNonNull(currency, "currency");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A customer needs a name");
        }
        name = name.strip();
    }
}
