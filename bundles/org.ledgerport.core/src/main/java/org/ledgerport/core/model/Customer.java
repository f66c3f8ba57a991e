package org.ledgerport.core.model;

import java.util.Currency;
import java.util.Objects;

/**
 * Someone the firm invoices. Names keep apostrophes, ampersands and accents exactly as written; the
 * accounting packages match customers by name, so the name is what a connector looks them up by.
 *
 * @param taxExempt no tax is charged on this customer's invoices, whatever the lines' tax codes say
 * @param currency  the currency the customer is invoiced in
 */
public record Customer(long id, String name, String email, Address billingAddress, boolean taxExempt,
        Currency currency) {

    public Customer {
        Objects.requireNonNull(currency, "currency");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A customer needs a name");
        }
        name = name.strip();
        email = email == null || email.isBlank() ? "" : email.strip();
        billingAddress = billingAddress == null ? Address.NONE : billingAddress;
    }

    /** The same customer as stored under the given id. */
    public Customer withId(long newId) {
        return new Customer(newId, name, email, billingAddress, taxExempt, currency);
    }
}
