package org.ledgerport.connector.xero.internal;

import java.util.Locale;
import java.util.Optional;

/** Xero's rules for contact names, item codes and other texts, and how names are compared. */
final class Names {

    static final int CONTACT_NAME_LIMIT = 255;
    static final int INVOICE_NUMBER_LIMIT = 255;
    static final int REFERENCE_LIMIT = 255;
    static final int ITEM_CODE_LIMIT = 30;
    static final int ITEM_NAME_LIMIT = 50;
    static final int DESCRIPTION_LIMIT = 4000;
    /** Xero takes quantities to four decimals. */
    static final int QUANTITY_DECIMALS = 4;

    /** What Ledgerport writes as a contact's number ("Contact code" in Xero) to find a renamed customer again. */
    static final String CONTACT_NUMBER_PREFIX = "LP-C";

    private Names() {
    }

    /** The same name as Xero sees it: case and surrounding or repeated spaces do not make another contact. */
    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String contactNumber(long customerId) {
        return CONTACT_NUMBER_PREFIX + customerId;
    }

    /** Why Xero would refuse a contact name, or empty when it takes it. */
    static Optional<String> contactNameRefusal(String name) {
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("contains a tab or a line break, which Xero does not keep in names");
        }
        if (name.length() > CONTACT_NAME_LIMIT) {
            return Optional.of("is " + name.length() + " characters long; Xero allows " + CONTACT_NAME_LIMIT);
        }
        return Optional.empty();
    }

    /** Whether Xero can keep the item code as an item's Code. */
    static boolean itemCodeFits(String code) {
        return code.length() <= ITEM_CODE_LIMIT && code.chars().noneMatch(Character::isISOControl);
    }

    /** Whether Xero would take the address as a contact's e-mail (it refuses the contact otherwise). */
    static boolean emailLooksValid(String email) {
        return email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    /** A literal for Xero's where filter: double-quoted, with backslashes and quotes escaped. */
    static String literal(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The name cut to Xero's limit, for item names that only label the item (its code identifies it). */
    static String shortened(String name, int limit) {
        return name.length() <= limit ? name : name.substring(0, limit - 1) + "…";
    }
}
