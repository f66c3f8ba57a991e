package org.ledgerport.core.model;

import java.util.Objects;

/**
 * A product or service the firm sells.
 *
 * @param code          the firm's own code, unique, printed on lines
 * @param incomeAccount the firm's income account for it; a connection maps it to the package's account
 * @param taxCode       the tax code lines get unless they say otherwise
 */
public record Item(long id, String code, String name, Money defaultPrice, String incomeAccount, String taxCode) {

    public Item {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("An item needs a code");
        }
        code = code.strip();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Item " + code + " needs a name");
        }
        name = name.strip();
        Objects.requireNonNull(defaultPrice, "defaultPrice");
        incomeAccount = incomeAccount == null ? "" : incomeAccount.strip();
        taxCode = taxCode == null ? "" : taxCode.strip();
    }

    public Item withId(long newId) {
        return new Item(newId, code, name, defaultPrice, incomeAccount, taxCode);
    }
}
